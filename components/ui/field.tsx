import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

/** The attributes that tie an input to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

function controlProps(name: string, hint: ReactNode, error: string | undefined): FieldControlProps {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    id,
    name,
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
}

export function FieldError({ name, message }: { name: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`field-${name}-error`} data-testid={`error-${name}`} className="mt-1.5 flex items-start gap-1.5 text-sm text-bad">
      <svg viewBox="0 0 16 16" className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4.25v4.5" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
        <circle cx="8" cy="11.4" r="0.95" fill="#fff" />
      </svg>
      <span>{message}</span>
    </p>
  );
}

function FieldHint({ name, hint }: { name: string; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`field-${name}-hint`} className="mt-1.5 text-sm text-ink-muted">
      {hint}
    </p>
  );
}

export interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled input with its hint and its error, next to the field that is wrong. */
export function Field({ name, label, hint, error, optional, className = "", children }: FieldProps) {
  const control = controlProps(name, hint, error);
  const t = useTranslations("form");
  return (
    <div className={className}>
      <label htmlFor={control.id} className="block text-sm font-semibold text-ink">
        {label}
        {optional ? <span className="ml-1.5 font-normal text-ink-muted">{t("optionalField")}</span> : null}
      </label>
      <div className="mt-1.5">{children(control)}</div>
      <FieldError name={name} message={error} />
      <FieldHint name={name} hint={hint} />
    </div>
  );
}

const INPUT =
  "block w-full rounded-md border bg-surface px-3 py-2 text-[0.9375rem] text-ink shadow-[inset_0_1px_0_rgba(0,0,0,0.03)] " +
  "placeholder:text-[#8c959f] focus:outline-2 focus:outline-offset-0 focus:outline-accent disabled:bg-canvas disabled:text-ink-muted";

export type TextInputProps = InputHTMLAttributes<HTMLInputElement>;

export function TextInput({ className = "", ...props }: TextInputProps) {
  const invalid = props["aria-invalid"] === true || props["aria-invalid"] === "true";
  return (
    <input type="text" {...props} className={`${INPUT} ${invalid ? "border-bad focus:outline-bad" : "border-[#bcc3cb] hover:border-[#8c959f]"} ${className}`} />
  );
}

export function TextArea({ className = "", ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const invalid = props["aria-invalid"] === true || props["aria-invalid"] === "true";
  return (
    <textarea
      rows={8}
      {...props}
      className={`${INPUT} min-h-32 font-mono text-xs ${invalid ? "border-bad focus:outline-bad" : "border-[#bcc3cb] hover:border-[#8c959f]"} ${className}`}
    />
  );
}

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** A checkbox with its label beside it and an optional hint below. */
export function CheckboxField({ name, label, hint, error, ...props }: CheckboxFieldProps) {
  const control = controlProps(name, hint, error);
  return (
    <div>
      <div className="flex items-start gap-2.5">
        <input type="checkbox" {...control} {...props} className="mt-0.5 h-4 w-4 shrink-0 cursor-pointer rounded-sm border-[#8c959f] accent-accent" />
        <label htmlFor={control.id} className="cursor-pointer text-sm font-semibold text-ink">
          {label}
        </label>
      </div>
      <div className="pl-[1.625rem]">
        <FieldError name={name} message={error} />
        <FieldHint name={name} hint={hint} />
      </div>
    </div>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

export interface RadioGroupProps {
  name: string;
  legend: ReactNode;
  options: readonly RadioOption[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  error?: string;
}

/** A set of radio buttons in a fieldset, with its legend. */
export function RadioGroup({ name, legend, options, value, onChange, disabled, error }: RadioGroupProps) {
  return (
    <fieldset aria-describedby={error ? `field-${name}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-semibold text-ink">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => {
          const id = `field-${name}-${option.value}`;
          return (
            <div key={option.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                disabled={disabled}
                className="mt-0.5 h-4 w-4 shrink-0 cursor-pointer accent-accent"
              />
              <label htmlFor={id} className="cursor-pointer text-sm">
                <span className="font-medium text-ink">{option.label}</span>
                {option.description ? <span className="block text-ink-muted">{option.description}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      <FieldError name={name} message={error} />
    </fieldset>
  );
}
