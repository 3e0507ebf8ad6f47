import { portalNextConfig } from "@portal/ui/next-config";

export default portalNextConfig();
