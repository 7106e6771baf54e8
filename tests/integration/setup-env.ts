// Runs in every integration test file before it imports anything from lib/.
import { inject } from "vitest";

Object.assign(process.env, inject("testEnv"));
// The tests call route handlers as scripts/web-server.ts would: the caller's socket address in
// the x-dsar-socket-address header (lib/http/client-address.ts).
(globalThis as Record<symbol, boolean>)[Symbol.for("dsar.socketAddressHeader")] = true;
