import { useI18n } from '@kigaligo/ui';
import type { planEn } from './plan-messages';

export type PlanKey = keyof typeof planEn;
export const usePlanI18n = () => useI18n<PlanKey>();
