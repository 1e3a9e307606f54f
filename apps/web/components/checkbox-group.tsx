"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useLanguageOptions } from "../lib/choices";

export function CheckboxGroup<Value extends string | number>({
  legend,
  name,
  options,
  selected,
  onChange,
  hint,
}: {
  legend: string;
  name: string;
  options: { value: Value; label: ReactNode }[];
  selected: Value[];
  onChange: (next: Value[]) => void;
  hint?: string;
}) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {hint && <p className="muted">{hint}</p>}
      <div className="choices">
        {options.map((option) => {
          const checked = selected.includes(option.value);
          return (
            <label key={String(option.value)} className="choice">
              <input
                type="checkbox"
                name={name}
                value={String(option.value)}
                checked={checked}
                onChange={() => onChange(checked ? selected.filter((value) => value !== option.value) : [...selected, option.value])}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The languages a person can limit titles to (onboarding and settings ask the same question), named in the interface's language. */
export function LanguageCheckboxes({ selected, onChange, hint }: { selected: string[]; onChange: (next: string[]) => void; hint: string }) {
  const t = useTranslations("common.languageCheckboxes");
  const languages = useLanguageOptions();
  return (
    <CheckboxGroup
      legend={t("legend")}
      name="language"
      hint={hint}
      options={languages.map((language) => ({ value: language.code, label: language.name }))}
      selected={selected}
      onChange={onChange}
    />
  );
}
