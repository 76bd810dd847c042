import type { EvidenceService } from '@kigaligo/client';
import { type ReportCategory, reportCategories, safetyReportInput } from '@kigaligo/domain';
import { Alert, Button, Card } from '@kigaligo/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { EvidencePicker } from './evidence-picker';
import { fromLocalInput, toLocalInput } from './format';
import { LinkFields } from './link-fields';
import { LocationField } from './location-field';
import { type ReportKey, useReportI18n } from './report-messages';
import type { useReportDoc } from './use-report-doc';

type ReportDoc = ReturnType<typeof useReportDoc>;
type FieldName = 'category' | 'description' | 'occurredAt' | 'tripId' | 'vehicleId' | 'location' | 'evidence';

/** A clock a few minutes fast should not make "now" invalid. */
const FUTURE_SLACK_MS = 5 * 60_000;

const fieldMessage: Partial<Record<FieldName, ReportKey>> = {
  category: 'form.categoryRequired',
  description: 'form.descriptionShort',
  occurredAt: 'form.whenInvalid',
};

/**
 * The report as a draft: every change goes straight into the report's document (on this phone at once,
 * offline too), the description after a short pause in typing. Sending sets `submittedAt` and queues the files.
 */
export function ReportForm({
  report,
  service,
  resubmit,
  onDiscard,
}: {
  report: ReportDoc;
  service: EvidenceService | null;
  resubmit: boolean;
  onDiscard(): void;
}) {
  const { t } = useReportI18n();
  const { fields, evidence, write, server } = report;
  const ids = { category: useId(), description: useId(), when: useId(), anonymous: useId() };
  const [description, setDescription] = useState(fields.description ?? '');
  const [plateText, setPlateText] = useState(fields.vehiclePlate ?? '');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const edited = useRef(false);

  // Another tab or phone changed the description while this one was not typing: show theirs.
  useEffect(() => {
    if (!edited.current) setDescription(fields.description ?? '');
  }, [fields.description]);
  useEffect(() => () => clearTimeout(typing.current), []);

  const flushDescription = (value = description) => {
    clearTimeout(typing.current);
    edited.current = false;
    write({ description: value });
  };
  const onDescription = (value: string) => {
    setDescription(value);
    edited.current = true;
    clearTimeout(typing.current);
    typing.current = setTimeout(() => flushDescription(value), 600);
  };

  const submit = async () => {
    flushDescription();
    const now = new Date();
    let text = description.trim();
    const plate = fields.vehiclePlate?.trim();
    const plateLine = plate ? t('form.platePrefix', { plate }) : '';
    if (plate && !fields.vehicleId && !text.includes(plateLine)) text = `${text}\n\n${plateLine}`;
    const candidate = {
      category: fields.category,
      description: text,
      occurredAt: fields.occurredAt,
      location: fields.location,
      tripId: fields.tripId,
      vehicleId: fields.vehicleId,
      anonymous: fields.anonymous ?? false,
      evidence: evidence.items,
      submittedAt: now.toISOString(),
    };
    const parsed = safetyReportInput.safeParse(candidate);
    const found: Partial<Record<FieldName, string>> = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '') as FieldName;
        const key = fieldMessage[name];
        found[name] ??= key ? t(key) : issue.message;
      }
    } else if (Date.parse(parsed.data.occurredAt) > now.getTime() + FUTURE_SLACK_MS) {
      found.occurredAt = t('form.whenFuture');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    write({
      description: text,
      anonymous: candidate.anonymous,
      vehiclePlate: undefined,
      submittedAt: candidate.submittedAt,
    });
    await service?.submit(evidence.items.map((e) => e.sha256));
  };

  const problems = resubmit ? (server.problems ?? []) : [];
  const problemFor = (name: FieldName) => errors[name] ?? problems.find((p) => p.path === name)?.message;
  const when = fields.occurredAt ? toLocalInput(fields.occurredAt) : '';

  return (
    <Card className="kg-report-form">
      {problems.length ? (
        <Alert>
          <p>{t('form.problems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <form
        className="kg-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset
          className={`kg-field${problemFor('category') ? ' kg-field--invalid' : ''}`}
          id={ids.category}
        >
          <legend className="kg-field-label">{t('form.category')}</legend>
          <div className="kg-report-categories">
            {reportCategories.map((c: ReportCategory) => (
              <label key={c} className="kg-report-category">
                <input
                  type="radio"
                  name="category"
                  value={c}
                  checked={fields.category === c}
                  onChange={() => write({ category: c })}
                />
                <span>{t(`category.${c}`)}</span>
              </label>
            ))}
          </div>
          {problemFor('category') ? <p className="kg-field-error">{problemFor('category')}</p> : null}
        </fieldset>

        <div className={`kg-field${problemFor('description') ? ' kg-field--invalid' : ''}`}>
          <label htmlFor={ids.description} className="kg-field-label">
            {t('form.description')}
          </label>
          <textarea
            id={ids.description}
            className="kg-input kg-textarea"
            rows={5}
            maxLength={5000}
            value={description}
            aria-invalid={problemFor('description') ? true : undefined}
            onChange={(e) => onDescription(e.target.value)}
            onBlur={() => flushDescription()}
          />
          <p className={problemFor('description') ? 'kg-field-error' : 'kg-field-hint'}>
            {problemFor('description') ?? t('form.descriptionHint')}
          </p>
        </div>

        <div className={`kg-field${problemFor('occurredAt') ? ' kg-field--invalid' : ''}`}>
          <label htmlFor={ids.when} className="kg-field-label">
            {t('form.when')}
          </label>
          <input
            id={ids.when}
            type="datetime-local"
            className="kg-input"
            value={when}
            max={toLocalInput(new Date(Date.now() + FUTURE_SLACK_MS).toISOString())}
            onChange={(e) => {
              const iso = fromLocalInput(e.target.value);
              if (iso) write({ occurredAt: iso });
            }}
          />
          {problemFor('occurredAt') ? <p className="kg-field-error">{problemFor('occurredAt')}</p> : null}
        </div>

        <LocationField value={fields.location} onChange={(location) => write({ location })} />

        <LinkFields
          value={{ tripId: fields.tripId, vehicleId: fields.vehicleId }}
          plateText={plateText}
          onPlateText={setPlateText}
          onChange={(link) =>
            write({ tripId: link.tripId, vehicleId: link.vehicleId, vehiclePlate: link.vehiclePlate })
          }
        />
        {problemFor('tripId') || problemFor('vehicleId') ? (
          <p className="kg-field-error">{problemFor('tripId') ?? problemFor('vehicleId')}</p>
        ) : null}

        <div className="kg-report-check">
          <input
            id={ids.anonymous}
            type="checkbox"
            checked={fields.anonymous ?? false}
            onChange={(e) => write({ anonymous: e.target.checked })}
          />
          <label htmlFor={ids.anonymous}>
            <span className="kg-report-check-title">{t('form.anonymous')}</span>
            <span className="kg-field-hint">{t('form.anonymousHint')}</span>
          </label>
        </div>

        <EvidencePicker
          service={service}
          items={evidence.items}
          onAdd={(ref) => evidence.push(ref)}
          onRemove={(sha256) => evidence.removeWhere((e) => e.sha256 === sha256)}
        />
        {problemFor('evidence') ? <p className="kg-field-error">{problemFor('evidence')}</p> : null}

        <p className="kg-muted kg-small">{t('form.saved')}</p>
        <Button type="submit" block>
          {resubmit ? t('form.resubmit') : t('form.submit')}
        </Button>
        {resubmit ? null : (
          <Button
            variant="ghost"
            block
            onClick={() => {
              if (window.confirm(t('form.discardConfirm'))) onDiscard();
            }}
          >
            {t('form.discard')}
          </Button>
        )}
      </form>
    </Card>
  );
}
