// Number formats shared by the report tables and charts.
import { jurisdictionRules } from "@/lib/deadlines/rules.ts";

export function formatDays(value: number | null): string {
  return value === null ? "–" : value.toLocaleString("en", { maximumFractionDigits: 2 });
}

export function formatShare(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toLocaleString("en", { maximumFractionDigits: 1 })}%`;
}

export function jurisdictionName(code: string): string {
  return Object.hasOwn(jurisdictionRules, code) ? jurisdictionRules[code as keyof typeof jurisdictionRules].name : code;
}

export const rightNames: Record<string, string> = {
  access: "Access",
  rectification: "Rectification",
  erasure: "Erasure",
  portability: "Portability",
  all: "All rights",
};
