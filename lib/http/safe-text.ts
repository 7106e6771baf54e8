// One rule for every text field that reaches the database: no control characters (tab and line
// breaks allowed where the field is several lines) and no lone UTF-16 surrogates. PostgreSQL refuses
// NUL in text and a lone surrogate cannot be encoded as UTF-8, so without this check such input
// answered 500; with it, a 400 names the field.
import { z } from "zod";

const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
const LONE_SURROGATE = /\p{Cs}/u;

export const HOSTILE_TEXT_MESSAGE = "Remove the control characters or broken characters (such as a lone surrogate) from this text.";

/** True when the text holds a character no field may hold. */
export function hasHostileCharacters(value: string, multiline = false): boolean {
  return LONE_SURROGATE.test(value) || (multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value);
}

/**
 * A z.string() that refuses hostile characters before any other check; chain .trim(), .max() and
 * the rest as usual (white space around the text, a pasted line break included, is not judged: the
 * fields trim it). `message` is the text (or a validation.* key on the public side) of that refusal.
 */
export function safeText(options: { multiline?: boolean; message?: string; typeMessage?: string } = {}) {
  const message = options.message ?? HOSTILE_TEXT_MESSAGE;
  return z
    .string(options.typeMessage ? { message: options.typeMessage } : undefined)
    .refine((value) => !hasHostileCharacters(value.trim(), options.multiline ?? false), { message, abort: true });
}
