// Reads a catalogue model's `pricing` block (fixed, variants, variable) into rates storyreel can multiply out.

/** USD for `per` units of `unit` (e.g. 0.39 per 1 second; most token prices are per 1,000,000 tokens). */
export interface Rate {
  price: number;
  unit: string;
  per: number;
}

export interface Variant {
  /** Dimension → value this variant applies to; a dimension it does not name matches any value. */
  when: Readonly<Record<string, unknown>>;
  /** Every rate applies (a per-request fee and a per-second price add up). */
  rates: readonly Rate[];
}

export type ModelPricing =
  | { kind: "fixed"; rates: readonly Rate[] }
  | { kind: "variants"; dimensions: readonly string[]; variants: readonly Variant[] }
  /** `variable`, an unknown kind, another currency or a block that cannot be read: never guessed. */
  | { kind: "unpriceable"; reason: string };

/** null: the catalogue lists no pricing for the model. */
export function parsePricing(block: unknown): ModelPricing | null {
  if (block === null || block === undefined) return null;
  if (!isRecord(block)) return unpriceable("its pricing block is not an object");
  const currency = block.currency ?? "USD";
  if (typeof currency !== "string" || currency.toUpperCase() !== "USD") {
    return unpriceable(`it is priced in ${JSON.stringify(currency)}, not USD`);
  }
  switch (block.kind) {
    case "fixed": {
      const rates = readRates(block);
      return typeof rates === "string" ? unpriceable(rates) : { kind: "fixed", rates };
    }
    case "variants":
      return readVariants(block);
    case "variable":
      return unpriceable(
        "its price is variable (it depends on the request in ways the catalogue does not list)",
      );
    default:
      return unpriceable(`its pricing kind ${JSON.stringify(block.kind)} is not fixed, variants or variable`);
  }
}

function readVariants(block: Record<string, unknown>): ModelPricing {
  const dimensions = Array.isArray(block.dimensions)
    ? block.dimensions.filter((d): d is string => typeof d === "string" && d !== "")
    : [];
  if (!Array.isArray(block.variants) || block.variants.length === 0) {
    return unpriceable("its pricing lists no variants");
  }
  const variants: Variant[] = [];
  for (const [i, item] of block.variants.entries()) {
    if (!isRecord(item)) return unpriceable(`pricing variant ${i} is not an object`);
    const when = isRecord(item.when) ? item.when : {};
    const rates = readRates(item);
    if (typeof rates === "string") return unpriceable(`pricing variant ${i}: ${rates}`);
    variants.push({ when, rates });
  }
  return { kind: "variants", dimensions, variants };
}

/** `{ price, unit, per }` on the object itself, else its `units` list. A problem comes back as text. */
function readRates(owner: Record<string, unknown>): Rate[] | string {
  if (owner.price !== undefined) {
    const rate = readRate(owner);
    return typeof rate === "string" ? rate : [rate];
  }
  if (!Array.isArray(owner.units) || owner.units.length === 0) return "no price is given";
  const rates: Rate[] = [];
  for (const unit of owner.units) {
    const rate = readRate(unit);
    if (typeof rate === "string") return rate;
    rates.push(rate);
  }
  return rates;
}

function readRate(value: unknown): Rate | string {
  if (!isRecord(value)) return "a price entry is not an object";
  const { price, unit } = value;
  const per = value.per ?? 1;
  if (typeof price !== "number" || !Number.isFinite(price) || price < 0) {
    return `price ${JSON.stringify(price)} is not a number of USD`;
  }
  if (typeof unit !== "string" || unit.trim() === "") return "a price has no unit";
  if (typeof per !== "number" || !Number.isFinite(per) || per <= 0) {
    return `"per" ${JSON.stringify(per)} is not a positive number`;
  }
  return { price, unit: unit.trim(), per };
}

function unpriceable(reason: string): ModelPricing {
  return { kind: "unpriceable", reason };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
