/**
 * The one name of the action that sends a question to the leidinggevende, on every card and in
 * help ("Vraag mijn leidinggevende", "Vraag mijn teamleider"): one action, one name.
 */
export function askLeaderLabel(leaderTerm: string): string {
  return `Vraag mijn ${leaderTerm}`;
}
