import { z } from 'zod';

/** What each outbox topic carries. Providers validate again before they call out. */
export const emailMessage = z.object({
  to: z.email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1).max(20_000),
});
export type EmailMessage = z.infer<typeof emailMessage>;

export const pushMessage = z.object({
  /** FCM registration tokens of the user's devices. */
  tokens: z.array(z.string().min(1)).min(1).max(500),
  title: z.string().min(1).max(120),
  body: z.string().min(1).max(1000),
  data: z.record(z.string(), z.string()).optional(),
});
export type PushMessage = z.infer<typeof pushMessage>;

export const outboxTopics = { email: emailMessage, push: pushMessage } as const;
export type OutboxTopic = keyof typeof outboxTopics;
