// Staff open the permission an agent uploaded: decrypted as it streams, never written in clear.
// Each opening is audited (who, when, type and size: nothing that names the person or the agent).
import type { Readable } from "node:stream";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { openUploadedFile } from "../fulfilment/staging-file.ts";

const extensions: Record<string, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" };

export async function openAgentPermission(options: { request: { id: string } | { reference: string }; actor: Actor }): Promise<{
  content: Readable;
  type: string;
  bytes: number;
  fileName: string;
}> {
  const request = await db().dsarRequest.findFirst({
    where: options.request,
    select: { id: true, reference: true, agentAuthorization: true },
  });
  const agent = request?.agentAuthorization;
  if (!request || !agent) throw new AppError("NOT_FOUND", "No permission was uploaded for this request.");
  if (!agent.permissionPath || !agent.permissionKeyWrapped) {
    throw new AppError("GONE", `The permission uploaded for ${request.reference} was deleted with the request's personal data.`);
  }
  await db().$transaction((tx) =>
    appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: "request.agent-permission-opened",
      data: { type: agent.permissionType, bytes: agent.permissionBytes },
    }),
  );
  return {
    content: openUploadedFile(agent.permissionPath, agent.permissionKeyWrapped),
    type: agent.permissionType,
    bytes: agent.permissionBytes,
    fileName: `permission-${request.reference}.${extensions[agent.permissionType] ?? "bin"}`,
  };
}
