// Public surface of the HTML report builder: manifest + posters in, one self-contained page out (pure).
export { reportHtml } from "./page.js";
export type { ReportCard, ReportPage } from "./types.js";
export { escapeHtml } from "./escape.js";
