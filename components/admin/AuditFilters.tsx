import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditFilterInput } from "@/server/schemas/audit";
import { actionLabel } from "./format";

/** The audit trail's filters as a plain GET form: the URL holds the view (and the CSV export reuses it). */
export function AuditFilters({ values, errors }: { values: AuditFilterInput; errors: Partial<Record<string, string>> }) {
  return (
    <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit trail" className="flex flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Who did it" hint="Email or account id" error={errors.actor}>
          {(p) => <Input {...p} name="actor" defaultValue={values.actor ?? ""} maxLength={254} autoComplete="off" />}
        </Field>
        <Field label="Action" error={errors.action}>
          {(p) => (
            <Select {...p} name="action" defaultValue={values.action ?? ""}>
              <option value="">Any action</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>{actionLabel(action)}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="About (type)" error={errors.targetType}>
          {(p) => (
            <Select {...p} name="targetType" defaultValue={values.targetType ?? ""}>
              <option value="">Anything</option>
              {AUDIT_TARGET_TYPES.map((type) => (
                <option key={type} value={type}>{type === "User" ? "Account" : type}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="About (id)" hint="For accounts, an email works too" error={errors.targetId}>
          {(p) => <Input {...p} name="targetId" defaultValue={values.targetId ?? ""} maxLength={254} autoComplete="off" />}
        </Field>
        <Field label="From" hint="Dates are in UTC" error={errors.from}>
          {(p) => <Input {...p} name="from" type="date" defaultValue={values.from ?? ""} />}
        </Field>
        <Field label="To" hint="This whole day is included" error={errors.to}>
          {(p) => <Input {...p} name="to" type="date" defaultValue={values.to ?? ""} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">Apply filters</Button>
        <Link href="/admin/audit" className="underline underline-offset-4">Clear filters</Link>
      </div>
    </form>
  );
}
