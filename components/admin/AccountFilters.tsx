import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { ACCOUNT_STATUSES, ROLE_LABELS, STATUS_LABELS } from "@/server/schemas/admin";

/** A plain GET form: the filters live in the URL, so they can be shared, bookmarked and reloaded. */
export function AccountFilters({ role, status, search }: { role?: string; status?: string; search?: string }) {
  return (
    <form method="get" action="/admin/accounts" role="search" aria-label="Filter accounts" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Field label="Search by name or email" className="sm:flex-1">{(p) => <Input {...p} name="q" type="search" defaultValue={search ?? ""} maxLength={200} />}</Field>
      <Field label="Role">
        {(p) => (
          <Select {...p} name="role" defaultValue={role ?? ""}>
            <option value="">All roles</option>
            {Object.entries(ROLE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Status">
        {(p) => (
          <Select {...p} name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {ACCOUNT_STATUSES.map((value) => (
              <option key={value} value={value}>{STATUS_LABELS[value]}</option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" variant="secondary">Apply filters</Button>
    </form>
  );
}
