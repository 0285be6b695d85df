// `storyreel models`: the catalogue, and one model's card.
export * from "./models.js";
