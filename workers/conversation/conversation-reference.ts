import type { BlobStore } from '../../core/blob-store';
import { scopeOf, TeamsConversation, type InstallJob } from '../../core/job';
import { storageKeys } from '../../core/storage-keys';
import { z } from 'zod';

/** What a digest needs to post in a Teams conversation nobody has just written in. */
export const ConversationReference = z.object({
  conversation: TeamsConversation,
  installedBy: z.string().optional(),
  installedAt: z.iso.datetime(),
});
export type ConversationReference = z.infer<typeof ConversationReference>;

/**
 * Keeps (or, when the bot is removed, forgets) the conversation reference of an install job under
 * its conversation's scope. A removal deletes it, so a digest never posts where the bot is gone.
 */
export async function recordConversationReference(job: InstallJob, store: BlobStore): Promise<'done' | 'ignored'> {
  const { conversation } = job;
  if (conversation.platform !== 'teams') return 'ignored';
  const key = storageKeys.conversation(scopeOf(conversation));
  if (job.action === 'remove') {
    await store.delete(key);
    return 'done';
  }
  const { thread: _thread, ...where } = conversation;
  const reference: ConversationReference = {
    conversation: where,
    installedBy: job.requestedBy.id,
    installedAt: job.receivedAt,
  };
  await store.put(key, JSON.stringify(ConversationReference.parse(reference)), 'application/json');
  return 'done';
}
