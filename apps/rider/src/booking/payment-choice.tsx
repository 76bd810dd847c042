import { type PaymentMethod, paymentMethods } from '@kigaligo/domain';
import { TextField } from '@kigaligo/ui';
import { useBookingI18n } from './booking-messages';
import { mobileOperator } from './booking-state';

export interface PaymentValue {
  method: PaymentMethod;
  phone: string;
}

/** Card, mobile money (with the MTN or Airtel number to collect from) or cash, as riders pay in Kigali. */
export function PaymentChoice({
  value,
  onChange,
  phoneError,
  methods = paymentMethods,
}: {
  value: PaymentValue;
  onChange(next: PaymentValue): void;
  phoneError?: string | undefined;
  /** The methods offered (paying a card booking another way leaves the card out). */
  methods?: readonly PaymentMethod[];
}) {
  const { t } = useBookingI18n();
  const operator = value.method === 'mobile_money' ? mobileOperator(value.phone) : null;
  const hint =
    value.method === 'cash'
      ? t('book.cashHint')
      : value.method === 'card'
        ? t('book.cardHint')
        : operator
          ? t(`book.operator.${operator}`)
          : t('book.phoneHint');
  return (
    <div className="kg-book-pay">
      <span className="kg-field-label" aria-hidden="true">
        {t('book.pay')}
      </span>
      <fieldset className="kg-segments" aria-label={t('book.pay')}>
        {methods.map((m) => (
          <button
            key={m}
            type="button"
            className="kg-segment"
            aria-pressed={value.method === m}
            onClick={() => onChange({ ...value, method: m })}
          >
            {t(`book.pay.${m}`)}
          </button>
        ))}
      </fieldset>
      {value.method === 'mobile_money' ? (
        <TextField
          label={t('book.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={value.phone}
          error={phoneError}
          hint={hint}
          onChange={(e) => onChange({ ...value, phone: e.target.value })}
        />
      ) : (
        <p className="kg-field-hint">{hint}</p>
      )}
    </div>
  );
}
