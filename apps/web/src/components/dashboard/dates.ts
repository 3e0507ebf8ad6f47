// Calendar dates are read and shown by the shared pieces; this name stays for the components that import it here.
export { isoDateToDate } from "@portal/ui";
