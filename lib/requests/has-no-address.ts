/**
 * Filed with no address at all: an opt-out the company's own system relayed by account id alone
 * (lib/opt-outs). There is nobody to write to; a purged request keeps a hash and is not this.
 */
export function hasNoAddress(request: { email: string | null; emailHash?: string | null }): boolean {
  return request.email === null && request.emailHash === null;
}
