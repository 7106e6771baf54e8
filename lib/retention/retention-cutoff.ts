// The instant before which a closed request's details are due for removal: the same time of day,
// N calendar months earlier (31 May − 3 months = 28 or 29 February, as month periods count).
import { addMonths } from "../deadlines/calendar.ts";

const MS_PER_DAY = 86_400_000;

export function retentionCutoff(now: Date, months: number): Date {
  const day = Math.floor(now.getTime() / MS_PER_DAY);
  const timeOfDay = now.getTime() - day * MS_PER_DAY;
  return new Date(addMonths(day, -months).date * MS_PER_DAY + timeOfDay);
}
