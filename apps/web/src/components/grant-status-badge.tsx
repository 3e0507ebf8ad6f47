// The badge lives in @portal/ui with the other status badges (one colour per status in both apps).
export { GrantStatusBadge } from "@portal/ui";
