// The date helpers under their former name, for the staff pages that still import them from here.
export { formatDate, formatWait } from "./format-date.ts";
