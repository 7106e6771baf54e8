import type { CSSProperties } from "react";

/**
 * Inline styles only: many email clients drop <style> blocks. Colours are chosen for contrast on white:
 * body text #1f2937 (14.7:1), muted #4b5563 (7.6:1), button #1d4ed8 with white (6.7:1).
 */
const fontFamily = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export const colors = {
  text: "#1f2937",
  muted: "#4b5563",
  accent: "#1d4ed8",
  border: "#d1d5db",
  panel: "#f3f4f6",
  page: "#eef0f3",
  white: "#ffffff",
};

export const styles = {
  body: { backgroundColor: colors.page, color: colors.text, fontFamily, margin: 0, padding: "24px 0" },
  container: {
    backgroundColor: colors.white,
    border: `1px solid ${colors.border}`,
    borderRadius: "8px",
    maxWidth: "600px",
    margin: "0 auto",
    padding: "32px",
  },
  companyName: { color: colors.muted, fontSize: "14px", fontWeight: 600, margin: "0 0 16px" },
  heading: { color: colors.text, fontSize: "24px", lineHeight: "32px", fontWeight: 700, margin: "0 0 16px" },
  subheading: { color: colors.text, fontSize: "18px", lineHeight: "26px", fontWeight: 700, margin: "24px 0 8px" },
  paragraph: { color: colors.text, fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  small: { color: colors.muted, fontSize: "14px", lineHeight: "22px", margin: "0 0 12px" },
  link: { color: colors.accent, textDecoration: "underline" },
  button: {
    backgroundColor: colors.accent,
    borderRadius: "6px",
    color: colors.white,
    display: "inline-block",
    fontSize: "16px",
    fontWeight: 600,
    padding: "12px 24px",
    textDecoration: "none",
  },
  buttonRow: { margin: "8px 0 24px" },
  panel: {
    backgroundColor: colors.panel,
    borderLeft: `4px solid ${colors.accent}`,
    borderRadius: "4px",
    margin: "0 0 16px",
    padding: "12px 16px",
  },
  code: {
    color: colors.text,
    fontFamily: '"SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: "32px",
    fontWeight: 700,
    letterSpacing: "6px",
    lineHeight: "40px",
    margin: "0 0 8px",
  },
  hr: { borderColor: colors.border, margin: "24px 0" },
  footer: { color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: 0 },
} satisfies Record<string, CSSProperties>;
