import { cn } from "@/components/ui/cn";

export interface CrisisResource {
  name: string;
  /** How to reach it, in words: "Call or text 988", "Text SHOUT to 85258". */
  contact: string;
  /** tel:, sms: or https: link, when there is one. */
  href?: string;
}

export interface CrisisNoticeProps {
  resources: readonly CrisisResource[];
  className?: string;
}

/** A short, steady note that Haven is not an emergency service, with help one click away. */
export function CrisisNotice({ resources, className }: CrisisNoticeProps) {
  return (
    <aside
      aria-label="Urgent help"
      className={cn("rounded-xl border border-border-subtle bg-surface-muted p-4 text-sm text-ink", className)}
    >
      <p>
        <strong className="font-semibold">Haven isn&rsquo;t for emergencies.</strong> Your therapist
        may not see what you do here straight away. If you are in danger or need help now, please
        call your local emergency number{resources.length > 0 ? " or one of the services below" : ""}.
      </p>
      {resources.length > 0 ? (
        <details className="mt-2">
          <summary className="w-fit rounded-md py-3 font-medium text-accent underline underline-offset-4">
            Where to get help right now
          </summary>
          <ul className="mt-2 flex flex-col gap-2 pl-1">
            {resources.map((resource) => (
              <li key={`${resource.name}-${resource.contact}`}>
                <span className="font-medium">{resource.name}</span>
                {": "}
                {resource.href ? (
                  <a
                    href={resource.href}
                    rel={resource.href.startsWith("http") ? "noopener noreferrer" : undefined}
                    className="inline-block py-1"
                  >
                    {resource.contact}
                  </a>
                ) : (
                  <span>{resource.contact}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </aside>
  );
}
