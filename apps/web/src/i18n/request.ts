import { portalRequestConfig } from "@portal/ui/i18n-request";
import { getRequestConfig } from "next-intl/server";

export default getRequestConfig(portalRequestConfig);
