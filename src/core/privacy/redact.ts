/** Kinds of personal data the bot can find and remove by itself. */
export type PersonalDataKind = 'phone' | 'email';

export interface RedactionMatch {
  kind: PersonalDataKind;
  value: string;
}

export interface RedactionResult {
  text: string;
  removed: RedactionMatch[];
}

const REPLACEMENT: Record<PersonalDataKind, string> = {
  phone: '[telefoonnummer verwijderd]',
  email: '[e-mailadres verwijderd]',
};

export const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digits with the separators people type in phone numbers; validated by digit count below.
export const PHONE_CANDIDATE_PATTERN = /(?<![\p{L}\p{N}+@])(?:\+|00)?\(?\d(?:[\s().-]{0,2}\d){8,14}(?![\p{L}\p{N}])/gu;

/**
 * Finds phone numbers and e-mail addresses and replaces them with a Dutch placeholder.
 * Names and photos cannot be detected reliably; the compose card warns about those instead.
 */
export function redactPersonalData(text: string): RedactionResult {
  const removed: RedactionMatch[] = [];
  let result = text.replace(EMAIL_PATTERN, (value) => {
    removed.push({ kind: 'email', value });
    return REPLACEMENT.email;
  });
  result = result.replace(PHONE_CANDIDATE_PATTERN, (value) => {
    if (!isPhoneNumber(value)) return value;
    removed.push({ kind: 'phone', value: value.trim() });
    return REPLACEMENT.phone;
  });
  return { text: result, removed };
}

/** Only what was found, without changing anything (for the compose card's offer). */
export function detectPersonalData(text: string): RedactionMatch[] {
  return redactPersonalData(text).removed;
}

export function isPhoneNumber(candidate: string): boolean {
  const trimmed = candidate.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') || trimmed.startsWith('00')) {
    const national = trimmed.startsWith('00') ? digits.slice(2) : digits;
    return national.length >= 10 && national.length <= 15;
  }
  // Dutch national numbers: 0 + 9 digits (06-12345678, 050-1234567, 020 123 4567).
  return digits.length === 10 && digits.startsWith('0') && digits[1] !== '0';
}
