// The words of the dashboard's pagination, in both languages, kept apart so they can move into the
// staff pages' message catalogue as they are. Client-safe.
export const paginationText = {
  en: {
    label: "Pagination",
    first: "First page",
    previous: "Previous page",
    next: "Next page",
    last: "Last page",
    /** A view of more than `max` rows entered from its end: places are counted from there. */
    fromEnd: (first: number, last: number, max: number) =>
      `Showing requests ${first.toLocaleString("en")}–${last.toLocaleString("en")} counted from the end of more than ${max.toLocaleString("en")}.`,
  },
  fr: {
    label: "Pagination",
    first: "Première page",
    previous: "Page précédente",
    next: "Page suivante",
    last: "Dernière page",
    fromEnd: (first: number, last: number, max: number) =>
      `Demandes ${first.toLocaleString("fr")} à ${last.toLocaleString("fr")} en partant de la fin, sur plus de ${max.toLocaleString("fr")}.`,
  },
} as const;
