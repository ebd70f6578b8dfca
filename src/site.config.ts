/** Site-wide settings shown in the user interface (zh-CN). */
export const site = {
  /** The archive's name, shown in the header and the <title>. */
  title: '地方报纸档案',
  description: '地方报纸的版面、文章与图片，按日期浏览，全文精确检索，可引用、可下载。',
  lang: 'zh-CN',
} as const;
