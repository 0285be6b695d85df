// `storyreel render`: the public surface of the render command's work (plan, submit, poll, download, record).
export * from "./render.js";
export * from "./render-stream.js";
export * from "./clip-order.js";
