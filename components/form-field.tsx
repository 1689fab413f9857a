import type { FormField } from "@/lib/analyzers/definition";
import type { FormValue } from "@/lib/analyzers/form";
import { RichText } from "./rich-text";
import { CheckboxField, Field, RadioGroup, TextInput } from "./ui/field";

/** For what is typed exactly as it must be sent (host names, principal names, user names). */
const VERBATIM = { autoCapitalize: "none", spellCheck: false } as const;

interface FormFieldControlProps {
  field: FormField;
  value: FormValue;
  error: string | undefined;
  onValue: (value: FormValue) => void;
}

/** One field of a test's form, drawn from its declaration: label, hint, error and the control for its kind. */
export function FormFieldControl({ field, value, error, onValue }: FormFieldControlProps) {
  const hint = field.hint ? <RichText text={field.hint} /> : undefined;
  if (field.kind === "checkbox") {
    return (
      <CheckboxField
        name={field.name}
        label={field.label}
        value="true"
        checked={value === true}
        onChange={(event) => onValue(event.target.checked)}
        error={error}
        hint={hint}
      />
    );
  }
  if (field.kind === "choice") {
    return <RadioGroup name={field.name} legend={field.label} options={field.options} value={String(value)} onChange={onValue} error={error} />;
  }
  return (
    <Field name={field.name} label={field.label} hint={hint} error={error}>
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
