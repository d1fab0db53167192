/** notFound() from a page in this group: rendered inside the group's layout, which has the shell. */
export { NotFoundMessage as default } from "@/components/shell/not-found-message";
