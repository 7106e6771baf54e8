// The `opendsr` connector's configuration: where the processor's OpenDSR API listens (its base
// address, major version included, e.g. https://opendsr.processor.example/v2), the credentials it
// issued to the controller, and the certificate it signs its callbacks and answers with.
import { X509Certificate } from "node:crypto";
import { z } from "zod";
import { connectorUrl } from "../http/connector-url.ts";

/** Identity types the portal can fill from proven identifiers (see Subject). */
export const OPENDSR_IDENTITY_TYPES = ["email", "controller_customer_id"] as const;

const baseUrl = connectorUrl({
  example: "give the processor's OpenDSR address with its major version, e.g. https://opendsr.processor.example/v2",
  credentials: "must not contain a user name or password; put them in apiKey and apiSecret",
});

const certificate = z
  .string()
  .max(20_000, "at most 20000 characters: one PEM certificate")
  .superRefine((value, ctx) => {
    if (!value.includes("-----BEGIN CERTIFICATE-----")) {
      ctx.addIssue({ code: "custom", message: "paste the processor's certificate in PEM form (-----BEGIN CERTIFICATE----- …)" });
      return;
    }
    try {
      const parsed = new X509Certificate(value);
      const type = parsed.publicKey.asymmetricKeyType;
      if (type !== "rsa" && type !== "ec") {
        ctx.addIssue({ code: "custom", message: `the certificate's key is ${type}; OpenDSR signatures use RSA or ECDSA with SHA-256` });
      }
    } catch {
      ctx.addIssue({ code: "custom", message: "is not a readable X.509 certificate in PEM form" });
    }
  });

const domainName = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i,
    "a domain name, e.g. opendsr.processor.example",
  );

export const opendsrConfigSchema = z
  .object({
    baseUrl,
    /**
     * The domain the processor signs as (X-OpenDSR-Processor-Domain, and the name in its
     * certificate). The host of baseUrl when left out, as the specification expects.
     */
    processorDomain: domainName.optional(),
    /** Issued by the processor: sent as HTTP Basic credentials (key as user name). */
    apiKey: z.string().min(1, "the API key the processor issued to you").max(500),
    apiSecret: z.string().min(1, "the API secret the processor issued to you").max(1000),
    /** The controller's id in the processor's system: when given, answers and callbacks for another one are refused. */
    controllerId: z.string().min(1).max(200).optional(),
    certificate,
    regulation: z.enum(["gdpr", "ccpa"], "gdpr or ccpa: the regulation requests fall under").default("gdpr"),
    apiVersion: z
      .string()
      .regex(/^\d+\.\d+$/, "a version such as 2.0")
      .default("2.0"),
    identityTypes: z
      .array(z.enum(OPENDSR_IDENTITY_TYPES, `one of ${OPENDSR_IDENTITY_TYPES.join(", ")}`))
      .min(1)
      .refine((types) => types.includes("email"), "must include email: the address the person proved is always sent")
      .refine((types) => new Set(types).size === types.length, "lists an identity type twice")
      .default(["email"]),
    identityFormat: z.enum(["raw", "sha256"], "raw or sha256").default("raw"),
    pollIntervalMinutes: z.number().int().min(1, "between 1 and 1440 (one day)").max(1440, "between 1 and 1440 (one day)").default(60),
    waitDays: z.number().int().min(1, "between 1 and 90").max(90, "between 1 and 90").default(30),
    timeoutSeconds: z.number().int().min(1).max(300).default(30),
  })
  .strict();

export type OpendsrConfig = z.infer<typeof opendsrConfigSchema>;

export const opendsrSecretPaths = [["apiSecret"]];

/** The domain callbacks and answers must be signed for. */
export function processorDomainOf(config: OpendsrConfig): string {
  return (config.processorDomain ?? new URL(config.baseUrl).hostname).toLowerCase();
}
