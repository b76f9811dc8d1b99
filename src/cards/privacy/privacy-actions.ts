/**
 * Verbs of "mijn gegevens" and its confirmation card, declared here only; they carry no data.
 * `askDelete` ("Verwijder mijn gegevens" on the card) opens the same confirmation as typing it.
 */
export const PRIVACY_VERBS = { askDelete: 'privacy.ask-delete', confirmDelete: 'privacy.delete', keep: 'privacy.keep' } as const;
