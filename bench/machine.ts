// The machine a bench ran on, printed and stored with the figures (they mean little without it).
import { cpus, loadavg, platform, release, totalmem } from "node:os";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramBytes: number;
  node: string;
  os: string;
  /** 1, 5 and 15 minute load averages: other work on the machine skews every timing. */
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    ramBytes: totalmem(),
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage: loadavg(),
  };
}
