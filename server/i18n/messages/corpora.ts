/** UI strings of one area, in both languages; merged in ../messages.ts. */
export const corporaEn = {
  "corpora.nav": "Shared knowledge",
  "corpora.admin.title": "Shared knowledge",
  "corpora.admin.lead":
    "Documents every avatar of the hospital draws on alongside the doctor's own: hospital policies, the clinic schedule and booking link, and each department's guidelines. A change here reaches every avatar that includes the corpus at once.",
  "corpora.admin.choose": "Corpus",
  "corpora.admin.counts": "{documents} documents, {passages} passages",
  "corpora.admin.documents": "Documents of {name}",
  "corpora.kind.organization": "Whole hospital",
  "corpora.kind.department": "Department",
  "corpora.avatar.title": "Shared knowledge",
  "corpora.avatar.lead": "The hospital's and departments' documents this avatar draws on besides your own. Patients see them cited as the hospital's.",
  "corpora.avatar.include": "Include {name}",
  "corpora.avatar.byDefault": "Included by default",
  "corpora.avatar.empty": "Your organization keeps no shared documents yet.",
  "corpora.citation.organization": "{name} (hospital)",
  "corpora.citation.department": "{name} (department)",
} as const;

export const corporaZh: Record<keyof typeof corporaEn, string> = {
  "corpora.nav": "共享知识",
  "corpora.admin.title": "共享知识",
  "corpora.admin.lead": "医院所有分身在医生本人资料之外共同使用的文档：医院制度、门诊时间和预约链接，以及各科室的指南。这里的改动会立即作用于所有包含该知识库的分身。",
  "corpora.admin.choose": "知识库",
  "corpora.admin.counts": "{documents} 份文档，{passages} 个段落",
  "corpora.admin.documents": "{name}的文档",
  "corpora.kind.organization": "全院",
  "corpora.kind.department": "科室",
  "corpora.avatar.title": "共享知识",
  "corpora.avatar.lead": "除您自己的资料外，此分身还会使用的医院和科室文档。患者看到的引用会注明来自医院。",
  "corpora.avatar.include": "包含{name}",
  "corpora.avatar.byDefault": "默认包含",
  "corpora.avatar.empty": "您的机构还没有共享文档。",
  "corpora.citation.organization": "{name}（医院）",
  "corpora.citation.department": "{name}（科室）",
};
