// Runs in every integration test file before it imports anything from lib/.
import { inject } from "vitest";

Object.assign(process.env, inject("testEnv"));
