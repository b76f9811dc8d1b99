import type { DeletionSummary, PersonalDataProvider, PersonalDataSection } from '../privacy/personal-data.js';
import { redactPersonalData, type RedactionMatch } from '../privacy/redact.js';
import { checkAnswer, checkText, checkVisible, isAsker, refuse, type Refusal } from './doubt-access.js';
import { sanitizeDoubtCase } from './doubt-case.js';
import { exportDoubtSections } from './doubt-export.js';
import { applyAnswer, applyFollowUp, closeDoubt, createDoubt } from './doubt-lifecycle.js';
import { DoubtMaintenance } from './doubt-maintenance.js';
import { DoubtRecords, keep, remove, write, type DoubtServiceDeps } from './doubt-records.js';
import { forgetAssignee, withdrawForAskerDeletion } from './doubt-retention.js';
import type { LedPerson } from './leader-directory.js';
import { withProfile } from './known-identities.js';
import { ANSWERER_KINDS } from './outbox.js';
import { awaitsAnswer, userKeys, type Doubt, type DoubtCase, type DoubtSettings, type Person, type Routing, type UserRef } from './types.js';

export type { DoubtEvent, DoubtServiceDeps } from './doubt-records.js';
export type { FailureResult, OutboxItem, SweepReport } from './doubt-maintenance.js';

/**
 * What the asker is told before and after sending:
 * - `direct`: the recipient has opened the bot and gets it now;
 * - `waiting`: the recipient is known but has never opened the bot; it is delivered when they do,
 *   or goes to the deputy/Communicatie after the reminder period;
 * - `no-recipient`: nobody is known; the doubt is kept and the asker should also ask in person.
 */
export type DeliveryOutlook = 'direct' | 'waiting' | 'no-recipient';

export interface DoubtPreview {
  ok: true;
  text: string;
  case?: DoubtCase;
  /** Who will receive it first, and in which role. */
  recipient?: Person;
  recipientRole: 'leader' | 'communicatie' | 'none';
  /** True when the asker is their own leidinggevende (demo setup). */
  selfRouted: boolean;
  outlook: DeliveryOutlook;
  /** Phone numbers and e-mail addresses found in the text or draft. */
  detected: RedactionMatch[];
}

export interface SubmitResult {
  ok: true;
  doubt: Doubt;
  outlook: DeliveryOutlook;
  recipientRole: DoubtPreview['recipientRole'];
}

/** A delivered card that should now show the outcome (update the activity in place). */
export interface CardToUpdate {
  to: string;
  activityId: string;
}

export interface AnswerResult {
  ok: true;
  doubt: Doubt;
  cardsToUpdate: CardToUpdate[];
}

/** A refused answer; `doubt` is set when the actor may see it and it still waits for an answer (shown again with the reason). */
export type AnswerRefusal = Refusal & { doubt?: Doubt };


/**
 * The user's commands on doubts behind the Teams handlers: each checks the actor against the stored
 * record and applies a pure transition through {@link DoubtRecords.mutate}; new notifications land
 * in the record's outbox. Delivery, sweeps and retention are `maintenance` (doubt-maintenance.ts).
 */
export class DoubtService {
  readonly settings: DoubtSettings;
  /** The outbox and maintenance side: delivery results, late identities, sweep, retention. */
  readonly maintenance: DoubtMaintenance;
  readonly #records: DoubtRecords;

  constructor(deps: DoubtServiceDeps) {
    this.#records = new DoubtRecords(deps);
    this.settings = this.#records.settings;
    this.maintenance = new DoubtMaintenance(this.#records);
  }

  private async reachable(person: Person | undefined): Promise<boolean> {
    if (!person) return false;
    const canReach = this.#records.deps.canReach;
    return canReach ? await canReach(person.key) : true;
  }

  private async outlookFor(routing: Routing): Promise<Pick<DoubtPreview, 'recipient' | 'recipientRole' | 'outlook'>> {
    const recipient = routing.leader ?? routing.communicatie;
    if (!recipient) return { recipientRole: 'none', outlook: 'no-recipient' };
    return {
      recipient,
      recipientRole: routing.leader ? 'leader' : 'communicatie',
      outlook: (await this.reachable(recipient)) ? 'direct' : 'waiting',
    };
  }

  /** Checks the text and tells who would receive it; nothing is stored. */
  async preview(asker: UserRef, text: unknown, caseInput?: unknown): Promise<DoubtPreview | Refusal> {
    const checked = checkText(text, this.settings.maxTextLength);
    if (!checked.ok) return checked;
    const doubtCase = sanitizeDoubtCase(caseInput, this.settings.maxTextLength);
    const routing = await this.#records.route(asker);
    const detected = [...redactPersonalData(checked.text).removed, ...redactPersonalData(doubtCase?.draftText ?? '').removed];
    const preview: DoubtPreview = {
      ok: true,
      text: checked.text,
      selfRouted: routing.source === 'self' || routing.leader?.key === asker.id,
      detected,
      ...(await this.outlookFor(routing)),
    };
    if (doubtCase) preview.case = doubtCase;
    return preview;
  }

  /** Records the doubt and queues it for the recipient. Never drops it, even when nobody is known. */
  async submit(asker: UserRef, text: unknown, caseInput?: unknown): Promise<SubmitResult | Refusal> {
    const checked = checkText(text, this.settings.maxTextLength);
    if (!checked.ok) return checked;
    const doubtCase = sanitizeDoubtCase(caseInput, this.settings.maxTextLength);
    const routing = await this.#records.route(asker);
    const input: Parameters<typeof createDoubt>[0] = { id: this.#records.deps.newId(), asker, text: checked.text, routing };
    if (doubtCase) input.case = doubtCase;
    const doubt = createDoubt(input, this.#records.ctx());
    await this.#records.create(doubt);
    const { outlook, recipientRole } = await this.outlookFor(routing);
    this.#records.emit('doubt.submitted', doubt.id, asker.id, `${routing.source} ${doubt.stage}`);
    return { ok: true, doubt, outlook, recipientRole };
  }

  /** A doubt the user may see (asker or assignee), or a refusal that does not reveal whether it exists. */
  async get(user: UserRef, doubtId: string): Promise<{ ok: true; doubt: Doubt } | Refusal> {
    const doubt = await this.#records.get(doubtId);
    return checkVisible(user, doubt) ?? { ok: true, doubt: doubt! };
  }

  /** The assignee's answer from the card; every field is checked against the stored record. */
  async answer(actor: UserRef, doubtId: string, decision: unknown, comment?: unknown): Promise<AnswerResult | AnswerRefusal> {
    if (doubtId === '') return checkAnswer(actor, undefined, decision, comment, this.settings) as Refusal;
    const records = this.#records;
    return records.mutate<AnswerResult | AnswerRefusal>(doubtId, (doubt) => {
      const checked = checkAnswer(actor, doubt, decision, comment, this.settings);
      if (!checked.ok) {
        records.emit('doubt.answer-refused', doubtId, actor.id, checked.reason);
        const stillTheirs = doubt && !checkVisible(actor, doubt) && doubt.open && awaitsAnswer(doubt);
        return keep(stillTheirs ? { ...checked, doubt } : checked);
      }
      applyAnswer(doubt!, checked.person, checked.decision, checked.comment, records.ctx());
      records.emit('doubt.answered', doubtId, checked.person.key, checked.decision);
      const cardsToUpdate = doubt!.outbox
        .filter((n) => ANSWERER_KINDS.has(n.kind) && n.activityId !== undefined)
        .map((n) => ({ to: n.to, activityId: n.activityId! }));
      return write({ ok: true, doubt: doubt!, cardsToUpdate });
    });
  }

  /** The asker's follow-up question; goes back to whoever answered, on the same record. */
  followUp(asker: UserRef, doubtId: string, text: unknown): Promise<{ ok: true; doubt: Doubt } | Refusal> {
    return this.#records.mutate<{ ok: true; doubt: Doubt } | Refusal>(doubtId, (doubt) => {
      if (!doubt || !isAsker(asker, doubt)) return keep(checkVisible(asker, undefined)!);
      if (!doubt.open) return keep(refuse('closed', 'Deze twijfel is al afgesloten. Stel je vraag opnieuw met "leg voor aan mijn leidinggevende".'));
      if (doubt.status !== 'answered') return keep(refuse('not-awaiting-answer', 'Er is nog geen antwoord op je twijfel. Je krijgt bericht zodra dat er is.'));
      const checked = checkText(text, this.settings.maxTextLength);
      if (!checked.ok) return keep(checked);
      applyFollowUp(doubt, checked.text, this.#records.ctx());
      this.#records.emit('doubt.follow-up', doubt.id, asker.id);
      return write({ ok: true, doubt });
    });
  }

  /** The asker's "Opgelost". */
  resolve(asker: UserRef, doubtId: string): Promise<{ ok: true; doubt: Doubt } | Refusal> {
    return this.#records.mutate<{ ok: true; doubt: Doubt } | Refusal>(doubtId, (doubt) => {
      if (!doubt || !isAsker(asker, doubt)) return keep(checkVisible(asker, undefined)!);
      if (!doubt.open) return keep(refuse('closed', 'Deze twijfel was al afgesloten.'));
      closeDoubt(doubt, this.#records.ctx(), asker.id, 'resolved', 'resolved');
      this.#records.emit('doubt.resolved', doubt.id, asker.id);
      return write({ ok: true, doubt });
    });
  }

  /** "mijn vragen": the asker's own doubts, newest first. */
  async listMine(asker: UserRef): Promise<Doubt[]> {
    const { asked } = await this.#records.doubtsOf(asker);
    return asked.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** "openstaande twijfels": doubts waiting for this user's answer, oldest first. */
  async listOpenFor(leader: UserRef): Promise<Doubt[]> {
    const keys = userKeys(leader);
    const { assigned } = await this.#records.doubtsOf(leader);
    return assigned
      .filter((d) => d.open && awaitsAnswer(d) && d.assigneeIds.some((k) => keys.includes(k)))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * The people this user is leidinggevende of, by the same directory that routes doubts (mapping,
   * Graph, or the demo's self-routing); undefined when they lead nobody. A member named by UPN or
   * e-mail is given as their object id once the bot knows it, since progress is kept by id.
   */
  async peopleLedBy(user: UserRef): Promise<Array<LedPerson & { id: string }> | undefined> {
    const { identities, directory } = this.#records.deps;
    const people = await directory.peopleOf(await withProfile(user, identities));
    if (!people) return undefined;
    const result: Array<LedPerson & { id: string }> = [];
    for (const p of people) {
      const id = p.member.includes('@') ? ((await identities?.objectIdFor(p.member)) ?? p.member) : p.member;
      result.push({ ...p, id });
    }
    return result;
  }

  /** "mijn gegevens": doubts the user asked and doubts assigned to them. */
  async exportUserData(user: UserRef): Promise<PersonalDataSection[]> {
    const { asked, assigned } = await this.#records.doubtsOf(user);
    return exportDoubtSections(user, asked, assigned, this.settings);
  }

  /**
   * "verwijder mijn gegevens": the user's own doubts are deleted, except open ones someone else
   * still holds (those are withdrawn and anonymised); as an assignee their identity is removed and
   * waiting doubts move to the next person.
   */
  async deleteUserData(user: UserRef): Promise<DeletionSummary> {
    const records = this.#records;
    const summary: DeletionSummary = { source: 'doubts', deleted: 0, anonymised: 0 };
    const { asked } = await records.doubtsOf(user);
    for (const d of asked) {
      await records.mutate(d.id, (doubt) => {
        if (!doubt) return keep(undefined);
        if (doubt.open && doubt.assigneeIds.length > 0) {
          withdrawForAskerDeletion(doubt, records.ctx());
          summary.anonymised++;
          return write(undefined);
        }
        summary.deleted++;
        return remove(undefined);
      });
    }
    // Read after the asker's part: a withdrawn doubt no longer lists this user.
    const keys = userKeys(user);
    const { assigned } = await records.doubtsOf(user);
    for (const d of assigned) {
      await records.mutate(d.id, (doubt) => {
        if (!doubt) return keep(undefined);
        forgetAssignee(doubt, keys, records.ctx());
        summary.anonymised++;
        return write(undefined);
      });
    }
    records.emit('doubt.user-data-deleted', '-', undefined, `${summary.deleted} deleted, ${summary.anonymised} anonymised`);
    return summary;
  }

  /** The doubts part of "mijn gegevens" / "verwijder mijn gegevens", for the shell's provider list. */
  asPersonalDataProvider(): PersonalDataProvider {
    return { source: 'doubts', exportFor: (u) => this.exportUserData(u), deleteFor: (u) => this.deleteUserData(u) };
  }
}
