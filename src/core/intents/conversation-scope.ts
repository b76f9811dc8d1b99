import type { Command } from './classify.js';

/**
 * Where a command or card action may be answered when it arrives in a group chat or a channel:
 * `here` (nothing personal in the answer), `private` (answered in the sender's 1:1 chat with the
 * bot, with a short note in the group), or `refuse` (a card that only ever appears in a 1:1 chat:
 * its click in a group is forwarded or forged). Pure; in a 1:1 chat everything is answered there.
 */
export type GroupScope = 'here' | 'private' | 'refuse';

/** One decision per command: the compiler asks for a new one when a command is added. */
export const COMMAND_SCOPE_IN_GROUP: Readonly<Record<Command, Exclude<GroupScope, 'refuse'>>> = {
  // Whatever the poster shares is already in the group; the check quotes only the code.
  posting: 'here',
  // Other people's names and doubt texts, or the sender's own.
  my_doubts: 'private',
  open_doubts: 'private',
  doubt: 'private',
  // Names and progress of the leader's people / the sender's own progress and quiz answers.
  onboarding_overview: 'private',
  onboarding: 'private',
  // Personal data, and its deletion (the confirmation card must not be clickable by others).
  my_data: 'private',
  delete_my_data: 'private',
};

/** Whether a Teams conversation is shared with others (group chat or channel), not the 1:1 chat. */
export function isSharedConversation(conversation: { conversationType?: string; isGroup?: boolean } | undefined): boolean {
  if (!conversation) return false;
  if (conversation.conversationType) return conversation.conversationType !== 'personal';
  return conversation.isGroup === true;
}
