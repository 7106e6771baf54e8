// Which connector task states still have work to come: a job queued or running, a callback or a
// person awaited. Withdrawing or closing the request cancels exactly these.
import type { ConnectorTaskStatus } from "../generated/prisma/enums.ts";

export const openTaskStatuses: ConnectorTaskStatus[] = ["PENDING", "RUNNING", "WAITING_CALLBACK", "AWAITING_STAFF"];
