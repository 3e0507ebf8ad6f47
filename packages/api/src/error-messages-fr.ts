import type { DomainErrorCode } from "./errors";

/**
 * What a French reader sees for each refusal. Services write a precise English message (with amounts and names);
 * until they carry structured parameters, French readers get this accurate but more general sentence per code.
 */
export const FRENCH_ERROR_MESSAGES: Record<DomainErrorCode, string> = {
  NOT_FOUND: "Cet enregistrement n'existe pas ou vous n'y avez pas accès.",
  UNAUTHENTICATED: "Veuillez vous connecter.",
  FORBIDDEN: "Vous n'avez pas l'autorisation de faire cette opération.",
  VALIDATION: "Une valeur saisie n'est pas valide ; vérifiez le champ indiqué.",
  CONFLICT: "Cette opération entre en conflit avec l'état actuel de l'enregistrement. Rechargez la page et réessayez.",
  INVALID_TRANSITION: "Cette action n'est pas possible dans l'état actuel de l'enregistrement.",
  ALLOCATION_EXCEEDED: "L'allocation du programme pour cet exercice n'a pas assez de fonds disponibles.",
  DISBURSEMENT_EXCEEDS_REMAINING: "Ce versement dépasse le montant qui reste à verser sur la subvention.",
  COMPONENTS_DO_NOT_ADD_UP: "Le total des volets doit égaler exactement le montant de la subvention.",
  FUNDING_DOES_NOT_ADD_UP: "Le total des sources de financement doit égaler le montant de la subvention en CAD.",
  FOUR_EYES_REQUIRED: "Une autre personne que celle qui a créé l'enregistrement doit l'approuver.",
  GRANT_NOT_EDITABLE: "Seule une subvention à l'état d'ébauche peut être modifiée.",
  GRANT_NOT_OPEN: "Cette subvention est terminée ; on ne peut plus y ajouter d'éléments.",
  GRANT_NOT_DISBURSABLE: "On ne peut verser des fonds que sur une subvention active ou en clôture.",
  SCHEDULE_EXCEEDS_TOTAL: "Les paiements prévus dépasseraient le montant total de la subvention.",
  PAYMENT_ON_HOLD: "Ce paiement est retenu tant que le rapport exigé est en retard.",
  PAYMENT_NOT_APPROVED: "Ce paiement doit être approuvé avant d'être versé.",
  FUNDING_LINE_EXCEEDED: "Aucune source de financement n'a assez de fonds pour ce montant ; fractionnez le versement.",
  ALREADY_REVERSED: "Ce versement a déjà été contre-passé.",
  IDEMPOTENCY_KEY_REUSED: "Cette demande a déjà été utilisée pour une autre opération ; rechargez la page.",
  REPORT_NOT_ACCEPTED:
    "Ce versement attend le rapport auquel il est lié : il ne peut être approuvé ni payé avant que ce rapport soit accepté ou dispensé.",
  PAYMENT_DATE_OUT_OF_RANGE:
    "La date du versement doit se situer dans la période de la subvention (ou le délai de grâce après sa fin) et ne pas être dans le futur.",
  GRANT_NOT_REVERSIBLE: "Les versements d'une subvention clôturée ne peuvent plus être contre-passés.",
  ALLOCATION_BELOW_COMMITTED:
    "Une allocation ne peut pas descendre sous le montant déjà engagé ; choisissez un montant plus élevé.",
  SECOND_FACTOR_REQUIRED:
    "L'approbation des subventions et des paiements exige un second facteur : configurez une application d'authentification dans Sécurité du compte, puis déconnectez-vous et reconnectez-vous avec son code.",
  WEAK_PASSWORD:
    "Ce mot de passe est trop facile à deviner. Utilisez une phrase plus longue de mots sans lien entre eux, pas un mot de passe courant ni votre nom.",
  IATI_INVALID:
    "Cet enregistrement ne serait pas valide selon la norme IATI 2.03 ; il n'est pas publié. Corrigez les erreurs indiquées.",
  AMENDMENT_BELOW_PAID:
    "Un avenant ne peut pas ramener un montant sous ce qui a déjà été versé ; choisissez un montant plus élevé.",
  GRANT_NOT_AMENDABLE:
    "Seule une subvention approuvée, active, suspendue, en clôture ou clôturée peut faire l'objet d'un avenant.",
  AMENDMENT_PENDING:
    "Un avenant attend déjà l'approbation pour cette subvention ; il doit être approuvé, refusé ou retiré d'abord.",
};
