import type { FormField } from "@/lib/analyzers/definition";
import type { FormValue } from "@/lib/analyzers/form";
import { choiceLabel, fieldHint, fieldLabel } from "@/lib/i18n/definitions";
import { translateValidation } from "@/lib/i18n/validation";
import { PemFileButton } from "./pem-file-button";
import { RichText } from "./rich-text";
import { CheckboxField, Field, RadioGroup, TextArea, TextInput } from "./ui/field";
import { useCatalogue } from "./use-step-text";

/** For what is typed exactly as it must be sent (host names, principal names, user names). */
const VERBATIM = { autoCapitalize: "none", spellCheck: false } as const;

interface FormFieldControlProps {
  /** Whose field it is: its label and hint are looked up in the catalogue by test and name. */
  testId: string;
  field: FormField;
  value: FormValue;
  /** The validation message, in English as the schema words it. */
  error: string | undefined;
  onValue: (value: FormValue) => void;
}

/**
 * One field of a test's form, drawn from its declaration: label, hint, error and the control for its kind. The error
 * is the schema's (or the API's) English message, shown in the reader's language (lib/i18n/validation.ts).
 */
export function FormFieldControl({ testId, field, value, error: englishError, onValue }: FormFieldControlProps) {
  const messages = useCatalogue();
  const error = englishError === undefined ? undefined : translateValidation(englishError, messages);
  const label = fieldLabel(messages, testId, field);
  const hintText = fieldHint(messages, testId, field);
  const hint = hintText ? <RichText text={hintText} /> : undefined;
  if (field.kind === "checkbox") {
    return (
      <CheckboxField
        name={field.name}
        label={label}
        value="true"
        checked={value === true}
        onChange={(event) => onValue(event.target.checked)}
        error={error}
        hint={hint}
      />
    );
  }
  if (field.kind === "choice") {
    const options = field.options.map((option) => ({ value: option.value, label: choiceLabel(messages, field, option) }));
    return <RadioGroup name={field.name} legend={label} options={options} value={String(value)} onChange={onValue} error={error} />;
  }
  if (field.kind === "textarea") {
    return (
      <Field name={field.name} label={label} hint={hint} error={error}>
        {(control) => (
          <>
            <TextArea
              {...control}
              value={String(value)}
              onChange={(event) => onValue(event.target.value)}
              placeholder={field.placeholder}
              required={field.required}
              {...VERBATIM}
            />
            {field.fileTypes ? <PemFileButton name={field.name} accept={field.fileTypes} onText={onValue} /> : null}
          </>
        )}
      </Field>
    );
  }
  return (
    <Field name={field.name} label={label} hint={hint} error={error}>
      {(control) => {
        const input = (
          <TextInput
            {...control}
            type={field.kind === "password" ? "password" : "text"}
            value={String(value)}
            onChange={(event) => onValue(event.target.value)}
            autoComplete="off"
            placeholder={field.placeholder}
            required={field.required}
            maxLength={field.maxLength}
            {...(field.numeric ? { inputMode: "numeric" as const, className: "tabular-nums" } : {})}
            {...(field.verbatim ? VERBATIM : {})}
          />
        );
        return field.narrow ? <div className="w-28">{input}</div> : input;
      }}
    </Field>
  );
}
