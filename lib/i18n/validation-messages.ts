// What each validation key says, in each language of the public pages.
import type { Locale } from "../requests/request-input.schema.ts";

export const validationMessages = {
  en: {
    "validation.type": "Choose a right: access, rectification, erasure or portability.",
    "validation.types": "Choose at least one right.",
    "validation.email": "Enter a valid email address, such as name@example.com.",
    "validation.fullName": "Your name can be at most 200 characters.",
    "validation.country": "Choose the country where you live.",
    "validation.region": "Choose a state or province of the country you chose.",
    "validation.regionRequired": "Choose your state or province: the law that protects you depends on it.",
    "validation.locale": "The language must be English (en) or French (fr).",
    "validation.accountId": "The customer or account number can be at most 100 characters.",
    "validation.details": "Details can be at most 5,000 characters.",
    "validation.corrections": "Corrections must be a list of what is wrong and what it should be.",
    "validation.correctionsTooMany": "You can list at most 20 corrections in one request.",
    "validation.correctionsRequired": "For a rectification, say what is wrong and what it should be.",
    "validation.correctionField": "Choose which information is wrong, or choose “Something else” and describe it (at most 100 characters).",
    "validation.correctionValue": "Give the correct value (at most 1,000 characters).",
    "validation.correctionCurrent": "The current value can be at most 1,000 characters.",
    "validation.code": "Enter the 6-digit code from the email.",
    "validation.answer": "Write your answer (at most 5,000 characters).",
    "validation.invalid": "This value is not valid.",
    "validation.text": "Remove the control characters or broken characters from this text.",
    "validation.unknownField": "This field is not part of a request: remove it or check its spelling.",
    "validation.agentName": "Enter your name, as the person filing for someone else (at most 200 characters).",
    "validation.agentEmail": "Enter your own email address, such as name@example.com: we write to you there about this request.",
    "validation.agentOrganisation": "Your organisation's name can be at most 200 characters.",
    "validation.agentPermission": "Attach the permission the person signed: a PDF, PNG or JPEG file.",
    "validation.agentPermissionType": "This file is not a PDF, PNG or JPEG. Attach the signed permission in one of those formats.",
    "validation.agentPermissionSize": "The file is larger than 10 MB. Attach a smaller scan or photo of the signed permission.",
    "validation.agentNotByApi":
      "A request on someone else's behalf is filed on the web form, which takes the permission they signed; the API files requests for the person only.",
  },
  fr: {
    "validation.type": "Choisissez un droit : accès, rectification, effacement ou portabilité.",
    "validation.types": "Choisissez au moins un droit.",
    "validation.email": "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    "validation.fullName": "Votre nom peut comporter au plus 200 caractères.",
    "validation.country": "Choisissez le pays où vous résidez.",
    "validation.region": "Choisissez un État ou une province du pays choisi.",
    "validation.regionRequired": "Choisissez votre État ou votre province : la loi qui vous protège en dépend.",
    "validation.locale": "La langue doit être l’anglais (en) ou le français (fr).",
    "validation.accountId": "Le numéro de client ou de compte peut comporter au plus 100 caractères.",
    "validation.details": "Les précisions peuvent comporter au plus 5 000 caractères.",
    "validation.corrections": "Les corrections doivent être une liste de ce qui est inexact et de ce qui est exact.",
    "validation.correctionsTooMany": "Vous pouvez indiquer au plus 20 corrections par demande.",
    "validation.correctionsRequired": "Pour une rectification, indiquez ce qui est inexact et ce qui est exact.",
    "validation.correctionField":
      "Choisissez l’information inexacte, ou choisissez «\u00a0Autre chose\u00a0» et décrivez-la (au plus 100 caractères).",
    "validation.correctionValue": "Indiquez la valeur exacte (au plus 1 000 caractères).",
    "validation.correctionCurrent": "La valeur actuelle peut comporter au plus 1 000 caractères.",
    "validation.code": "Saisissez le code à 6 chiffres reçu par e-mail.",
    "validation.answer": "Écrivez votre réponse (au plus 5 000 caractères).",
    "validation.invalid": "Cette valeur n’est pas valide.",
    "validation.text": "Retirez de ce texte les caractères de contrôle ou les caractères invalides.",
    "validation.unknownField": "Ce champ ne fait pas partie d’une demande : retirez-le ou vérifiez son orthographe.",
    "validation.agentName":
      "Saisissez votre nom, en tant que personne qui fait la demande pour quelqu’un d’autre (au plus 200 caractères).",
    "validation.agentEmail":
      "Saisissez votre propre adresse e-mail, par exemple nom@exemple.fr : nous vous y écrirons au sujet de cette demande.",
    "validation.agentOrganisation": "Le nom de votre organisme peut comporter au plus 200 caractères.",
    "validation.agentPermission": "Joignez l’autorisation signée par la personne : un fichier PDF, PNG ou JPEG.",
    "validation.agentPermissionType":
      "Ce fichier n’est ni un PDF, ni un PNG, ni un JPEG. Joignez l’autorisation signée dans l’un de ces formats.",
    "validation.agentPermissionSize": "Le fichier dépasse 10 Mo. Joignez un scan ou une photo plus légère de l’autorisation signée.",
    "validation.agentNotByApi":
      "Une demande au nom de quelqu’un d’autre se fait sur le formulaire web, qui reçoit l’autorisation signée ; l’API ne dépose que des demandes de la personne elle-même.",
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ValidationKey = keyof (typeof validationMessages)["en"];

export function validationMessage(locale: Locale, key: string): string {
  const messages = validationMessages[locale] as Record<string, string>;
  return messages[key] ?? messages["validation.invalid"];
}

/** zod issues as `{ path, message }` in the given language (for forms and API errors). */
type Issue = { path: ReadonlyArray<PropertyKey>; message: string; code?: string; keys?: ReadonlyArray<string> };

/** zod issues as `{ path, message }` in the given language; an unknown field is named as its own issue. */
export function localiseIssues(issues: ReadonlyArray<Issue>, locale: Locale): Array<{ path: string; message: string }> {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      return issue.keys.map((key) => ({ path: [...base, key].join("."), message: validationMessage(locale, "validation.unknownField") }));
    }
    return [{ path: base.join("."), message: validationMessage(locale, issue.message) }];
  });
}
