// What the editor knows about articles and people: status names, roles, and which actions a
// person may try in each status. The server has the last word; this only hides buttons that
// could never work.

const statusNames = {
  draft: 'Draft',
  inreview: 'In review',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

/** "InReview", "in_review", "in-review" → "inreview". */
export const statusKey = (status) => String(status || '').toLowerCase().replace(/[^a-z]/g, '');

export const statusLabel = (status) => statusNames[statusKey(status)] || String(status || 'Unknown');

let me = { email: '', displayName: '', roles: [] };

export const currentUser = () => me;
export function setCurrentUser(user) { me = { ...user, roles: (user.roles || []).map((r) => String(r).toLowerCase()) }; }

export const isEditor = () => me.roles.includes('editor') || me.roles.includes('admin');

/** The workflow buttons to offer for an article in this status (mirrors the newsroom rules). */
export function actionsFor(article) {
  if (!article || !article.id) return [];
  const status = statusKey(article.status);
  const actions = [];
  if (status === 'draft') actions.push('submit');
  if (!isEditor()) return actions;
  if (status === 'inreview') actions.push('approve');
  if (status !== 'published') actions.push('schedule');
  if (status === 'scheduled') actions.push('unschedule');
  if (status === 'published') actions.push('correction', 'unpublish');
  else actions.push('publish');
  return actions;
}

/** Writers change their own drafts and articles in review; editors change anything. */
export function canEdit(article) {
  if (!article || isEditor()) return true;
  const own = !article.createdBy || article.createdBy.toLowerCase() === me.email.toLowerCase();
  return own && ['draft', 'inreview'].includes(statusKey(article.status));
}

/** Once readers have seen an article its section is part of its address and stays. */
export const hasBeenPublic = (article) => Boolean(article?.publishedAt);

/** The fields a person edits, in the shape the API takes them. */
export const editableFields = ['headline', 'standfirst', 'body', 'section', 'authors', 'tags', 'slug', 'heroMediaId'];

export const fieldLabels = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  body: 'Body',
  section: 'Section',
  authors: 'Authors',
  tags: 'Tags',
  slug: 'Slug',
  heroMediaId: 'Hero image',
  status: 'Status',
  scheduledFor: 'Scheduled for',
  publishedAt: 'Published',
  corrections: 'Corrections',
  previousSlugs: 'Earlier addresses',
  updatedAt: 'Updated',
  url: 'Address',
};

export const fieldLabel = (field) => fieldLabels[field] || field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** A revision's event name ("ArticlePublished", "article-published", "published") as words. */
export function eventLabel(event) {
  const words = String(event || '')
    .replace(/^Article/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Change';
}
