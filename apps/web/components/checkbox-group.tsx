"use client";

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
  options: { value: Value; label: string }[];
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
