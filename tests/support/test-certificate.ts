// An RSA key and an X.509 certificate for a domain, made at test time with node:crypto (which can
// sign but not build certificates: the DER is written here). Self-signed, valid from `notBefore`
// to `notAfter`, with the domain as common name and as DNS subject alternative name.
import { createPrivateKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";

function der(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, content]);
}

const sequence = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts));
const integer = (bytes: Buffer) => der(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const utf8 = (text: string) => der(0x0c, Buffer.from(text, "utf8"));
const nullValue = Buffer.from([0x05, 0x00]);

function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const value of rest) {
    const chunk: number[] = [value & 0x7f];
    for (let v = value >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, "").slice(2, 14);
  return der(0x17, Buffer.from(`${text}Z`, "ascii"));
}

const name = (commonName: string) => sequence(set(sequence(oid("2.5.4.3"), utf8(commonName))));

export type TestCertificate = { certificatePem: string; privateKey: KeyObject; privateKeyPem: string };

export function makeTestCertificate(domain: string, options: { notBefore?: Date; notAfter?: Date; serial?: number } = {}): TestCertificate {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const notBefore = options.notBefore ?? new Date(Date.now() - 3600_000);
  const notAfter = options.notAfter ?? new Date(Date.now() + 365 * 24 * 3600_000);
  const algorithm = sequence(oid("1.2.840.113549.1.1.11"), nullValue); // sha256WithRSAEncryption
  const subjectAltName = sequence(oid("2.5.29.17"), der(0x04, sequence(der(0x82, Buffer.from(domain, "ascii")))));
  const tbs = sequence(
    der(0xa0, integer(Buffer.from([2]))), // version 3
    integer(Buffer.from([options.serial ?? 1])),
    algorithm,
    name(domain),
    sequence(utcTime(notBefore), utcTime(notAfter)),
    name(domain),
    publicKey.export({ type: "spki", format: "der" }),
    der(0xa3, sequence(subjectAltName)),
  );
  const signature = sign("sha256", tbs, privateKey);
  const certificate = sequence(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const lines = certificate.toString("base64").match(/.{1,64}/g) ?? [];
  return {
    certificatePem: `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`,
    privateKey: createPrivateKey(privateKey.export({ type: "pkcs8", format: "pem" })),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }) as string,
  };
}
