// The shape of the table-driven deadline tests and the controller settings they share.
import { computeDeadline, type DeadlineInput } from "./index.ts";

export type Row = {
  title: string;
  input: Omit<DeadlineInput, "requestType"> & { requestType?: DeadlineInput["requestType"] };
  due: string;
  noticeBy?: string | null;
  max?: string | null;
  ack?: string | null;
};

export const PARIS = { timeZone: "Europe/Paris", holidayRegion: "FR" } as const;
export const LONDON = { timeZone: "Europe/London", holidayRegion: "GB-ENG" } as const;
export const BERLIN = { timeZone: "Europe/Berlin", holidayRegion: "DE-BY" } as const;
export const LA = { timeZone: "America/Los_Angeles", holidayRegion: "US-CA" } as const;

export function compute(input: Row["input"]) {
  return computeDeadline({ requestType: "access", ...input });
}
