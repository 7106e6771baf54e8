// Rate limits count in fixed windows aligned to the clock (lib/security/rate-limit.ts): a test that
// makes limit + 1 calls and expects the last one refused fails whenever its calls straddle the end
// of a window, which the clock decides, not the code. This runs such a test inside one window.

/**
 * Runs `attempt` (which must use fresh subjects each time: a new address, a new email) until one
 * run starts and ends in the same window of `windowSeconds`, and returns that run's result. A run
 * much shorter than the window straddles at most one boundary, so this runs at most twice.
 */
export async function inOneRateLimitWindow<T>(windowSeconds: number, attempt: () => Promise<T>): Promise<T> {
  const windowOf = () => Math.floor(Date.now() / (windowSeconds * 1000));
  for (;;) {
    const started = windowOf();
    const result = await attempt();
    if (windowOf() === started) return result;
  }
}
