// Allowed values and documented defaults read off a model's schema, in the model's own spelling.
import type { JsonSchemaObject } from "./json-schema.js";

/** Case-insensitive match of `value` against `allowed`, returning the allowed (model's) spelling. */
export function matchAllowed(value: string, allowed: readonly string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  return allowed.find((candidate) => candidate.toLowerCase() === wanted);
}

/** String enum of a property, or null when the model has no such property or does not restrict it. */
export function stringEnum(schema: JsonSchemaObject | undefined): readonly string[] | null {
  if (schema?.enum === undefined) return null;
  return schema.enum.filter((v): v is string => typeof v === "string");
}

export type DurationRange = { min: number; max: number };

/**
 * Durations a model takes, in seconds: its enum, else its minimum/maximum range.
 * A duration with neither (runway-gen3/turbo/image-to-video: `{ type: "string", default: "5" }`) is
 * constrained to its documented default, the only value known to be accepted -- we never guess wider.
 * A bare duration without even a default (none in the current data) is treated as any whole second >= 1.
 */
export function deriveDurations(
  schema: JsonSchemaObject | undefined,
): readonly number[] | DurationRange | null {
  if (schema === undefined) return null;
  if (schema.enum !== undefined) return schema.enum.map(toNumber).filter((n): n is number => n !== undefined);
  if (schema.minimum !== undefined || schema.maximum !== undefined) {
    return { min: schema.minimum ?? 1, max: schema.maximum ?? Number.MAX_SAFE_INTEGER };
  }
  const fallback = toNumber(schema.default);
  return fallback === undefined ? { min: 1, max: Number.MAX_SAFE_INTEGER } : [fallback];
}

/** Documented default as a number: string defaults on integer fields ("8") are facts about the server, not values to send. */
export function numericDefault(schema: JsonSchemaObject | undefined): number | undefined {
  return toNumber(schema?.default);
}

export function stringDefault(schema: JsonSchemaObject | undefined): string | undefined {
  return typeof schema?.default === "string" ? schema.default : undefined;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}
