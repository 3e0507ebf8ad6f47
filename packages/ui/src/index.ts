export { cn } from "./cn";
export { Button, buttonVariants } from "./button";
export { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
export { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "./table";
export { Badge, type BadgeTone } from "./badge";
export { FieldError, Input, Label, Select } from "./form";
export { Alert } from "./alert";
export { PageHeader } from "./page-header";
export { EmptyState } from "./empty-state";
export { PageSkeleton, Skeleton } from "./skeleton";
export { Money, intlLocale } from "./money";
export { AppShell, type NavItem } from "./app-shell";
export { ProvenanceBadge } from "./provenance-badge";
export { LanguageSwitch } from "./language-switch";
export { LOCALES, LOCALE_COOKIE, type Locale, messagesFor, resolveLocale } from "./i18n";
export { UserMenu } from "./user-menu";
export { SectionCard, SectionEmpty } from "./section-card";
export { FigureCards, type Figure } from "./figure-cards";
export { Breadcrumbs, type Crumb } from "./breadcrumbs";
export { ListLink, RememberListState } from "./list-state";
export {
  ActiveBadge,
  GRANT_STATUS_TONES,
  GrantStatusBadge,
  PAYMENT_STATUS_TONES,
  PaymentStatusBadge,
  REQUIREMENT_STATUS_TONES,
  ReportStatusBadge,
} from "./status-badges";
export { formatIsoDate, formatIsoDateRange, IsoDate, type IsoDatePrecision, isoDateToDate } from "./iso-date";
export { PageSection } from "./page-section";
export { FilterSelect, ListFilters } from "./list-filters";
