<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlreadyChecked</name>
    <message>
        <location filename="../../desktop/ui/already_checked.py" line="+58"/>
        <source>Match</source>
        <translation>Proximité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>Vérifié par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation>Affirmation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Already checked</source>
        <translation>Déjà vérifié</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cite as Source</source>
        <translation>Citer comme source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add this earlier check as a source of the claim</source>
        <translation>Ajouter cette vérification antérieure comme source de l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use Its Verdict</source>
        <translation>Reprendre son verdict</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the claim this check&apos;s verdict (and, for a claim of the library, its sources)</source>
        <translation>Donner à l’affirmation le verdict de cette vérification (et, pour une affirmation de la bibliothèque, ses sources)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Cannot look for earlier checks: {0}</source>
        <translation>Impossible de chercher des vérifications antérieures&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for earlier checks…</source>
        <translation>Recherche de vérifications antérieures…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>another newsroom</source>
        <translation>une autre rédaction</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>library</source>
        <translation>bibliothèque</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Select a claim to see whether it was checked before.</source>
        <translation>Sélectionnez une affirmation pour voir si elle a déjà été vérifiée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the claim to look for earlier checks.</source>
        <translation>Tapez l’affirmation pour chercher des vérifications antérieures.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No earlier check of a similar claim.</source>
        <translation>Aucune vérification antérieure d’une affirmation semblable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closest earlier checks, in this library and by other newsrooms:</source>
        <translation>Vérifications antérieures les plus proches, dans cette bibliothèque et par d’autres rédactions&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ArticleDialog</name>
    <message>
        <location filename="../../desktop/ui/article_dialog.py" line="+36"/>
        <source>Article Details</source>
        <translation>Détails de l’article</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Le Monde</source>
        <translation>p. ex. Le Monde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comma-separated names</source>
        <translation>Noms séparés par des virgules</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Where the text was imported from</source>
        <translation>D’où le texte a été importé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outlet:</source>
        <translation>&amp;Média&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;uthors:</source>
        <translation>A&amp;uteurs&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Authors</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address of the article</source>
        <translation>Adresse de l’article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Published:</source>
        <translation>&amp;Publié le&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publication date</source>
        <translation>Date de publication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported from:</source>
        <translation>Importé de&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{0}” is not a date: type it as {1}, or leave it empty.</source>
        <translation>«&#xa0;{0}&#xa0;» n’est pas une date&#xa0;: tapez-la sous la forme {1}, ou laissez le champ vide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An article needs a title.</source>
        <translation>Un article doit avoir un titre.</translation>
    </message>
</context>
<context>
    <name>ArticlePane</name>
    <message>
        <location filename="../../desktop/ui/article_pane.py" line="+33"/>
        <source>Article details</source>
        <translation>Détails de l’article</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No article open. Import one from the File menu.</source>
        <translation>Aucun article ouvert. Importez-en un depuis le menu Fichier.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Edit details…</source>
        <translation>Modifier les détails…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No outlet, author or date yet: add them…</source>
        <translation>Ni média, ni auteur, ni date pour l’instant&#xa0;: les ajouter…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} versions, last changed {1}</source>
        <translation>{0} versions, dernière modification le {1}</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../desktop/ui/library.py" line="+41"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outlet</source>
        <translation>Média</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>v{0} · {1}</source>
        <translation>v{0} · {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} versions, last changed {1}</source>
        <translation>{0} versions, dernière modification le {1}</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Imported on {0}; no publication date yet (Article Details)</source>
        <translation>Importé le {0}&#xa0;; pas encore de date de publication (Détails de l’article)</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>Claims</source>
        <translation>Affirmations</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+36"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
</context>
<context>
    <name>ArticleText</name>
    <message>
        <location filename="../../desktop/ui/article_view.py" line="+116"/>
        <source>Article text</source>
        <translation>Texte de l’article</translation>
    </message>
    <message>
        <location line="+360"/>
        <source>Not rated</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tag as claim</source>
        <translation>Marquer comme affirmation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to selected claim</source>
        <translation>Ajouter à l’affirmation sélectionnée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete this highlight</source>
        <translation>Supprimer ce surlignage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select sentence</source>
        <translation>Sélectionner la phrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="+38"/>
        <source>Daily copy</source>
        <translation>Copie quotidienne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made by you</source>
        <translation>Faite par vous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before a restore</source>
        <translation>Avant une restauration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before upgrading (schema {0})</source>
        <translation>Avant la mise à niveau (schéma {0})</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+65"/>
        <location line="+23"/>
        <source>Restore from Backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Copies of {0}, newest first. Restoring one keeps the library as it is now as another copy, so nothing is lost.</source>
        <translation>Copies de {0}, de la plus récente à la plus ancienne. En restaurer une conserve la bibliothèque actuelle dans une autre copie&#xa0;: rien n’est perdu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Made</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There are no backup copies of this library yet.</source>
        <translation>Cette bibliothèque n’a encore aucune copie de sauvegarde.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Replace the library with the copy made {0}? Work done since then will be in the copy of the current library that is made first.</source>
        <translation>Remplacer la bibliothèque par la copie du {0}&#xa0;? Le travail fait depuis se retrouvera dans la copie de la bibliothèque actuelle, faite au préalable.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+82"/>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Backups are made only of library files, not of a server database.</source>
        <translation>Les sauvegardes ne concernent que les bibliothèques enregistrées dans un fichier, pas les bases de données sur un serveur.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open library</source>
        <translation>Impossible d’ouvrir la bibliothèque</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup was restored. The library as it was is kept as {0}.</source>
        <translation>La sauvegarde a été restaurée. La bibliothèque telle qu’elle était est conservée sous {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup was restored.</source>
        <translation>La sauvegarde a été restaurée.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The library is damaged</source>
        <translation>La bibliothèque est endommagée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} is damaged and was not changed.</source>
        <translation>{0} est endommagé et n’a pas été modifié.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SQLite reports: {0}</source>
        <translation>Message de SQLite&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The latest good backup was made {0}. Restoring it moves the damaged file aside (it is kept, not deleted).</source>
        <translation>La dernière sauvegarde intacte date du {0}. La restaurer met le fichier endommagé de côté (il est conservé, pas supprimé).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore Latest Backup</source>
        <translation>Restaurer la dernière sauvegarde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a Backup…</source>
        <translation>Choisir une sauvegarde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No good backup of this library was found.</source>
        <translation>Aucune sauvegarde intacte de cette bibliothèque n’a été trouvée.</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../desktop/ui/capture_dialog.py" line="+61"/>
        <source>{0} (first part kept)</source>
        <translation>{0} (début conservé)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} — the page is gone</source>
        <translation>{0} — la page a disparu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Untitled source</source>
        <translation>Source sans titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captures of “{0}”</source>
        <translation>Captures de «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This source has no web address.</source>
        <translation>Cette source n’a pas d’adresse web.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+248"/>
        <source>Captured</source>
        <translation>Date de capture</translation>
    </message>
    <message>
        <location line="-247"/>
        <location line="+252"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>Address or file</source>
        <translation>Adresse ou fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+251"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-250"/>
        <location line="+251"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="-250"/>
        <location line="+251"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="-248"/>
        <source>Captures</source>
        <translation>Captures</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Captured text</source>
        <translation>Texte capturé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes since the capture before</source>
        <translation>Modifications depuis la capture précédente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Capture details</source>
        <translation>Détails de la capture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text</source>
        <translation>&amp;Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hanges</source>
        <translation>&amp;Modifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Details</source>
        <translation>&amp;Détails</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Capture Now</source>
        <translation>&amp;Capturer maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetch the source&apos;s address once and keep what it answers</source>
        <translation>Interroger une fois l’adresse de la source et conserver sa réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Attach File…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a file (a PDF, a saved page) as a capture</source>
        <translation>Conserver un fichier (un PDF, une page enregistrée) comme capture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the &amp;Wayback Machine to Archive</source>
        <translation>Demander l’archivage à la &amp;Wayback Machine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the Wayback Machine&apos;s save page for this address in your browser</source>
        <translation>Ouvrir dans votre navigateur la page d’archivage de la Wayback Machine pour cette adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export WARC…</source>
        <translation>&amp;Exporter en WARC…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save these captures as a WARC file for replay tools</source>
        <translation>Enregistrer ces captures dans un fichier WARC, pour les outils de rejeu d’archives web</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No capture yet. Capture the page now, or attach a file you saved.</source>
        <translation>Aucune capture pour l’instant. Capturez la page maintenant, ou joignez un fichier que vous avez enregistré.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Looking for the excerpts…</source>
        <translation>Recherche des extraits…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparing…</source>
        <translation>Comparaison…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>claim {0}</source>
        <translation>affirmation {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not found in this capture:</source>
        <translation>Absent de cette capture&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Found:</source>
        <translation>Trouvé&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No claim cites this source with an excerpt.</source>
        <translation>Aucune affirmation ne cite cette source avec un extrait.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No text was read from this capture: {0}</source>
        <translation>Aucun texte n’a pu être lu dans cette capture&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This is the first capture of the source.</source>
        <translation>C’est la première capture de cette source.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compared with the capture of {0}:</source>
        <translation>Par rapport à la capture du {0}&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The page is gone: the address answered {0}.</source>
        <translation>La page a disparu&#xa0;: l’adresse a répondu {0}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unchanged: the same bytes.</source>
        <translation>Aucun changement&#xa0;: les octets sont identiques.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text is unchanged (the page&apos;s code differs).</source>
        <translation>Le texte est inchangé (le code de la page diffère).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text changed.</source>
        <translation>Le texte a changé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address asked</source>
        <translation>Adresse demandée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final address</source>
        <translation>Adresse finale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No text read</source>
        <translation>Aucun texte lu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Headers received:</source>
        <translation>En-têtes reçus&#xa0;:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Capturing {0}…</source>
        <translation>Capture de {0}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Capture failed</source>
        <translation>Échec de la capture</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attach a file as a capture</source>
        <translation>Joindre un fichier comme capture</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Attaching {0}…</source>
        <translation>Ajout de {0}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attaching failed</source>
        <translation>Échec de l’ajout du fichier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attached {0}</source>
        <translation>Fichier joint le {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Captured {0}</source>
        <translation>Capture effectuée le {0}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Export captures as WARC</source>
        <translation>Exporter les captures en WARC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WARC files (*.warc.gz *.warc)</source>
        <translation>Fichiers WARC (*.warc.gz *.warc)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting captures…</source>
        <translation>Exportation des captures…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {0} capture(s) to {1}</source>
        <translation>{0} capture(s) exportée(s) dans {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../desktop/ui/dashboard_chart.py" line="+44"/>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message>
        <location filename="../../desktop/ui/claim_editor.py" line="+71"/>
        <source>Quoted text</source>
        <translation>Texte cité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote:</source>
        <translation>Citation&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quote changed in a newer version</source>
        <translation>Citation modifiée dans une version plus récente</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The claim in your own words</source>
        <translation>L’affirmation, reformulée avec vos mots</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Claim:</source>
        <translation>&amp;Affirmation&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Who made the claim</source>
        <translation>Qui a fait cette affirmation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clai&amp;mant:</source>
        <translation>A&amp;uteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimant &amp;is:</source>
        <translation>T&amp;ype d’auteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claim &amp;date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Appeared at:</source>
        <translation>&amp;Parue sur&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Verdict:</source>
        <translation>&amp;Verdict&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In review</source>
        <translation>En relecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Status:</source>
        <translation>&amp;Statut&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comma-separated, e.g. elections, Russia</source>
        <translation>Séparées par des virgules, p. ex. élections, Russie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hecker:</source>
        <translation>Vérifi&amp;cateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why this verdict (Markdown)</source>
        <translation>Pourquoi ce verdict (Markdown)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write</source>
        <translation>Rédiger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Rationale:</source>
        <translation>Ar&amp;gumentaire&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Already checked?</source>
        <translation>Déjà vérifié&#xa0;?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restated claim</source>
        <translation>Affirmation reformulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimant</source>
        <translation>Auteur de l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimant kind</source>
        <translation>Type d’auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim date</source>
        <translation>Date de l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appearance URL</source>
        <translation>Adresse de parution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checker</source>
        <translation>Vérificateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rationale</source>
        <translation>Argumentaire</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Not rated</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select a claim, or tag a span.</source>
        <translation>Sélectionnez une affirmation ou marquez un passage.</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>{0} characters: search engines show about {1}.</source>
        <translation>{0} caractères&#xa0;: les moteurs de recherche en affichent environ {1}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The quote is {0} characters, and ClaimReview publishes it as the claim: restate it here in about {1}.</source>
        <translation>La citation fait {0} caractères, et ClaimReview la publie comme affirmation&#xa0;: reformulez-la ici en {1} environ.</translation>
    </message>
</context>
<context>
    <name>ClaimListModel</name>
    <message>
        <location filename="../../desktop/ui/claim_list.py" line="+58"/>
        <source>Not rated</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Claim {0}: {1}</source>
        <translation>Affirmation {0}&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>ClaimPanel</name>
    <message>
        <location line="+21"/>
        <source>Claims</source>
        <translation>Affirmations</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the claims of</source>
        <translation>Afficher les affirmations de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the claims of one checker</source>
        <translation>Afficher les affirmations d’un seul vérificateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All checkers</source>
        <translation>Tous les vérificateurs</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Claims of the article</source>
        <translation>Affirmations de l’article</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../desktop/ui/commands.py" line="+70"/>
        <source>Tag claim</source>
        <translation>le marquage de l’affirmation</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not a claim</source>
        <translation>Pas une affirmation</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete claim</source>
        <translation>la suppression de l’affirmation</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add highlight</source>
        <translation>l’ajout du surlignage</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Delete highlight</source>
        <translation>la suppression du surlignage</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Edit claim</source>
        <translation>la modification de l’affirmation</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Add source</source>
        <translation>l’ajout de la source</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Edit source</source>
        <translation>la modification de la source</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Remove source</source>
        <translation>le retrait de la source</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Edit article details</source>
        <translation>Modifier les détails de l’article</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="+27"/>
        <source>restated claim</source>
        <translation>affirmation reformulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claimant</source>
        <translation>auteur de l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claimant type</source>
        <translation>type d’auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claim date</source>
        <translation>date de l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appearance address</source>
        <translation>adresse de parution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verdict</source>
        <translation>verdict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rationale</source>
        <translation>argumentaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>checker</source>
        <translation>vérificateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tags</source>
        <translation>étiquettes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Another checker</source>
        <translation>Un autre vérificateur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed by a colleague</source>
        <translation>Modifié par un collègue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} changed the {1} of this claim {2} while you were editing it.</source>
        <translation>{0} a modifié le champ «&#xa0;{1}&#xa0;» de cette affirmation {2} pendant que vous la modifiiez.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at {0}</source>
        <translation>à {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Their value: {0}
Your value: {1}</source>
        <translation>Sa valeur&#xa0;: {0}
Votre valeur&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Their value:
{0}

Your value:
{1}</source>
        <translation>Sa valeur&#xa0;:
{0}

Votre valeur&#xa0;:
{1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use &amp;mine</source>
        <translation>Utiliser &amp;ma valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep &amp;theirs</source>
        <translation>Garder la &amp;sienne</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../desktop/ui/dashboard.py" line="+89"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Table</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the chart&apos;s numbers as a table</source>
        <translation>Afficher les chiffres du graphique en tableau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Chart</source>
        <translation>&amp;Exporter le graphique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As PNG Image…</source>
        <translation>En image PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As SVG Image…</source>
        <translation>En image SVG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period &amp;Report…</source>
        <translation>&amp;Rapport de la période…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the round-up of the period shown</source>
        <translation>Exporter le bilan de la période affichée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dashboard status</source>
        <translation>État du tableau de bord</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+42"/>
        <source>Click a bar to list its claims.</source>
        <translation>Cliquez sur une barre pour lister ses affirmations.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claimant</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claim</source>
        <translation>Affirmation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claims of the chosen bar</source>
        <translation>Affirmations de la barre choisie</translation>
    </message>
    <message>
        <location line="+79"/>
        <location line="+49"/>
        <source>Counting…</source>
        <translation>Décompte…</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>and {0} more ({1} claims)</source>
        <translation>et {0} de plus ({1} affirmations)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Claims</source>
        <translation>Affirmations</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+33"/>
        <source>{0} claim(s)</source>
        <translation>{0} affirmation(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}, the newest {1} shown</source>
        <translation>{0}, les {1} plus récentes affichées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>double-click one to open it</source>
        <translation>double-cliquez sur l’une d’elles pour l’ouvrir</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG image (*.svg)</source>
        <translation>Image SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot write {0}: {1}</source>
        <translation>Impossible d’écrire {0}&#xa0;: {1}</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../desktop/ui/claim_fields.py" line="+235"/>
        <source>A date as {0}; empty for none</source>
        <translation>Une date sous la forme {0}&#xa0;; vide s’il n’y en a pas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the date on a calendar</source>
        <translation>Choisir la date dans un calendrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location line="+64"/>
        <source>A date as {0}; empty for none</source>
        <translation>Une date sous la forme {0}&#xa0;; vide s’il n’y en a pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a date: type it as {0}, or leave it empty.</source>
        <translation>Ce n’est pas une date&#xa0;: tapez-la sous la forme {0}, ou laissez le champ vide.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="+48"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Articles to export</source>
        <translation>Articles à exporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotated report — web page (HTML)</source>
        <translation>Rapport annoté — page web (HTML)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotated report — PDF (A4)</source>
        <translation>Rapport annoté — PDF (A4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotated report — Markdown</source>
        <translation>Rapport annoté — Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotated report — Word (DOCX)</source>
        <translation>Rapport annoté — Word (DOCX)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims table — CSV for spreadsheets</source>
        <translation>Tableau des affirmations — CSV pour tableur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything — JSON</source>
        <translation>Tout — JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>schema.org ClaimReview (JSON-LD)</source>
        <translation>ClaimReview de schema.org (JSON-LD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>Web Annotation du W3C (JSON-LD)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your newsroom or fact-checking desk</source>
        <translation>Votre rédaction ou cellule de vérification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization website</source>
        <translation>Site web de l’organisation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checker</source>
        <translation>Vérificateur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destination file</source>
        <translation>Fichier de destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open the file when done</source>
        <translation>&amp;Ouvrir le fichier une fois terminé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ClaimReview of claims not yet &amp;published too (marked as drafts)</source>
        <translation>ClaimReview des affirmations pas encore &amp;publiées aussi (marquées comme brouillons)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off, the markup holds published claims only: what a search engine may show.</source>
        <translation>Décoché, le balisage ne contient que les affirmations publiées&#xa0;: ce qu’un moteur de recherche peut afficher.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ClaimReview needs your organization&apos;s name and website: search engines show who checked the claim. Fill them in here or in Settings.</source>
        <translation>ClaimReview a besoin du nom et du site web de votre organisation&#xa0;: les moteurs de recherche montrent qui a vérifié l’affirmation. Renseignez-les ici ou dans les Paramètres.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Se&amp;ttings…</source>
        <translation>Para&amp;mètres…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Articles:</source>
        <translation>&amp;Articles&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or&amp;ganization:</source>
        <translation>Or&amp;ganisation&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Website:</source>
        <translation>Site &amp;web&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Checker:</source>
        <translation>&amp;Vérificateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as:</source>
        <translation>Enregistrer &amp;sous&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Export as</source>
        <translation>Exporter sous</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/ui/dashboard_filters.py" line="+26"/>
        <source>All time</source>
        <translation>Depuis le début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Les 90 derniers jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>L’année dernière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom dates</source>
        <translation>Dates au choix</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <location line="+49"/>
        <location line="+70"/>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Claimant:</source>
        <translation>A&amp;uteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outlet:</source>
        <translation>&amp;Média&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;g:</source>
        <translation>Mot-&amp;clé&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chec&amp;ker:</source>
        <translation>&amp;Vérificateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Verdict:</source>
        <translation>Ver&amp;dict&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;atus:</source>
        <translation>&amp;Statut&#xa0;:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Claims by verdict</source>
        <translation>Affirmations par verdict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims by month</source>
        <translation>Affirmations par mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top claimants</source>
        <translation>Auteurs les plus vérifiés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlets</source>
        <translation>Médias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkers</source>
        <translation>Vérificateurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims by status</source>
        <translation>Affirmations par statut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In review</source>
        <translation>En relecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(no claimant)</source>
        <translation>(sans auteur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no outlet)</source>
        <translation>(sans média)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no tag)</source>
        <translation>(sans mot-clé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no checker)</source>
        <translation>(sans vérificateur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not rated</source>
        <translation>Non évalué</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="+19"/>
        <location line="+1"/>
        <source>Find in article</source>
        <translation>Rechercher dans l’article</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Occurrence précédente (Maj+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next match (Enter)</source>
        <translation>Occurrence suivante (Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="+51"/>
        <location line="+1"/>
        <source>Select a whole sentence</source>
        <translation>Sélectionner une phrase entière</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Alt+click</source>
        <translation>Alt+clic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+double-click</source>
        <translation>Ctrl+double-clic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next / previous match in Find</source>
        <translation>Occurrence suivante / précédente (recherche)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter / Shift+Enter</source>
        <translation>Entrée / Maj+Entrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h3&gt;From article to published check&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Import&lt;/b&gt; the article: File → Import Article (text, Markdown, web page, Word, PDF), Import from URL, Paste, or drop a file on the window.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Tag&lt;/b&gt; each claim: select its words and press Ctrl+T. Alt+click takes a whole sentence. A claim can rest on several passages: select another and use Add Selection to Claim.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Describe&lt;/b&gt; it: restate the claim, name the claimant, and add the date and where it appeared.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Source&lt;/b&gt; it: add the documents that support or refute it, with the passage that matters. Sources already in your library can be reused.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Rate&lt;/b&gt; it: choose a verdict and explain why in the rationale (Markdown). The highlight takes the verdict&apos;s colour.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Export&lt;/b&gt;: File → Export writes a report (HTML, PDF, Word, Markdown), a CSV table, or the ClaimReview and Web Annotation files newsrooms publish.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Everything is saved as you go; Ctrl+Z undoes any step.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;De l’article à la vérification publiée&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Importez&lt;/b&gt; l’article&#xa0;: Fichier → Importer un article (texte, Markdown, page web, Word, PDF), Importer depuis une URL, Coller un article, ou déposez un fichier sur la fenêtre.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Marquez&lt;/b&gt; chaque affirmation&#xa0;: sélectionnez ses mots et appuyez sur Ctrl+T. Alt+clic prend une phrase entière. Une affirmation peut reposer sur plusieurs passages&#xa0;: sélectionnez-en un autre et utilisez Ajouter la sélection à l’affirmation.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Décrivez&lt;/b&gt;-la&#xa0;: reformulez l’affirmation, nommez son auteur, et indiquez la date et l’endroit où elle a paru.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Sourcez&lt;/b&gt;-la&#xa0;: ajoutez les documents qui la confirment ou la réfutent, avec le passage qui compte. Les sources déjà présentes dans votre bibliothèque peuvent être réutilisées.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Évaluez&lt;/b&gt;-la&#xa0;: choisissez un verdict et justifiez-le dans l’argumentaire (Markdown). Le surlignage prend la couleur du verdict.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Exportez&lt;/b&gt;&#xa0;: Fichier → Exporter produit un rapport (HTML, PDF, Word, Markdown), un tableau CSV, ou les fichiers ClaimReview et Web Annotation que publient les rédactions.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Tout est enregistré au fur et à mesure&#xa0;; Ctrl+Z annule chaque étape.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>How Factdesk works</source>
        <translation>Comment fonctionne Factdesk</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../desktop/ui/library.py" line="+102"/>
        <location line="+1"/>
        <source>Filter articles</source>
        <translation>Filtrer les articles</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>No article matches “{0}”</source>
        <translation>Aucun article ne correspond à «&#xa0;{0}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="+72"/>
        <source>Opening the library…</source>
        <translation>Ouverture de la bibliothèque…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+132"/>
        <source>Claim counts by verdict</source>
        <translation>Nombre d’affirmations par verdict</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Loading claims…</source>
        <translation>Chargement des affirmations…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Updated with changes saved elsewhere.</source>
        <translation>Mis à jour avec les modifications enregistrées ailleurs.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>No claims</source>
        <translation>Aucune affirmation</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not rated</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 claim</source>
        <translation>1 affirmation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} claims</source>
        <translation>{0} affirmations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1}</source>
        <translation>{0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>About Factdesk</source>
        <translation>À propos de Factdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Factdesk {0}&lt;/h3&gt;&lt;p&gt;A workbench for fact-checkers: tag claims in articles, cite sources, give verdicts, publish reports.&lt;/p&gt;&lt;p&gt;Library: {1}&lt;br&gt;Python {2} · PySide6 {3}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Factdesk {0}&lt;/h3&gt;&lt;p&gt;L’établi des vérificateurs&#xa0;: marquez les affirmations dans les articles, citez vos sources, rendez vos verdicts, publiez vos rapports.&lt;/p&gt;&lt;p&gt;Bibliothèque&#xa0;: {1}&lt;br&gt;Python {2} · PySide6 {3}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_menu.py" line="+30"/>
        <source>New library</source>
        <translation>Nouvelle bibliothèque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Factdesk library (*.sqlite3)</source>
        <translation>Bibliothèque Factdesk (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Library not created</source>
        <translation>Bibliothèque non créée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} already exists; use Open Library to open it.</source>
        <translation>{0} existe déjà&#xa0;; ouvrez-le avec «&#xa0;Ouvrir une bibliothèque&#xa0;».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open library</source>
        <translation>Ouvrir une bibliothèque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Factdesk library (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Bibliothèque Factdesk (*.sqlite3 *.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot open library</source>
        <translation>Impossible d’ouvrir la bibliothèque</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Library upgraded; a backup was saved as {0}</source>
        <translation>Bibliothèque mise à niveau&#xa0;; une sauvegarde a été enregistrée sous {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="+138"/>
        <source>&amp;New Library…</source>
        <translation>&amp;Nouvelle bibliothèque…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Library…</source>
        <translation>&amp;Ouvrir une bibliothèque…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Article…</source>
        <translation>&amp;Importer un article…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a text, Markdown, web page, Word or PDF file</source>
        <translation>Importer un fichier texte, Markdown, page web, Word ou PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import from &amp;URL…</source>
        <translation>Importer depuis une &amp;URL…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Paste Article from Clipboard</source>
        <translation>&amp;Coller un article depuis le presse-papiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export reports, ClaimReview, Web Annotation or CSV</source>
        <translation>Exporter des rapports, du ClaimReview, du Web Annotation ou du CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete Article…</source>
        <translation>&amp;Supprimer l’article…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Article &amp;Details…</source>
        <translation>&amp;Détails de l’article…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Title, outlet, authors, address, publication date and language</source>
        <translation>Titre, média, auteurs, adresse, date de publication et langue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tag as Claim</source>
        <translation>&amp;Marquer comme affirmation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the selected text a new claim (Ctrl+T)</source>
        <translation>Faire du texte sélectionné une nouvelle affirmation (Ctrl+T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add Selection to Claim</source>
        <translation>A&amp;jouter la sélection à l’affirmation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the selected text to the selected claim</source>
        <translation>Ajouter le texte sélectionné à l’affirmation sélectionnée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete Claim</source>
        <translation>&amp;Supprimer l’affirmation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find in Article…</source>
        <translation>Re&amp;chercher dans l’article…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sentence Mode</source>
        <translation>&amp;Mode phrase</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A click selects the whole sentence (Alt+click does so at any time)</source>
        <translation>Un clic sélectionne toute la phrase (Alt+clic le fait à tout moment)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Next Claim</source>
        <translation>Affirmation &amp;suivante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Claim</source>
        <translation>Affirmation &amp;précédente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Factdesk</source>
        <translation>À &amp;propos de Factdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Library on &amp;Server…</source>
        <translation>Ouvrir une bibliothèque sur un ser&amp;veur…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a team library on a PostgreSQL server</source>
        <translation>Ouvrir une bibliothèque d’équipe sur un serveur PostgreSQL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from &amp;Backup…</source>
        <translation>Restaurer une sauve&amp;garde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;How Factdesk Works</source>
        <translation>&amp;Comment fonctionne Factdesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;Demo Article</source>
        <translation>Ouvrir l’article de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;Recent</source>
        <translation>Bibliothèques &amp;récentes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_claims.py" line="+46"/>
        <source>The change could not be saved</source>
        <translation>La modification n’a pas pu être enregistrée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select some text to tag first.</source>
        <translation>Sélectionnez d’abord le texte à marquer.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Claim deleted — Undo brings it back.</source>
        <translation>Affirmation supprimée — Annuler la fait revenir.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../desktop/ui/window_matches.py" line="+112"/>
        <source>Set verdict</source>
        <translation>le choix du verdict</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set status</source>
        <translation>le changement de statut</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_transfer.py" line="+30"/>
        <source>Import articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web page</source>
        <translation>Page web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document</source>
        <translation>Document Word</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitles</source>
        <translation>Sous-titres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image (text recognition)</source>
        <translation>Image (reconnaissance de texte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import from URL</source>
        <translation>Importer depuis une URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address of the article (http or https):</source>
        <translation>Adresse de l’article (http ou https)&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to paste</source>
        <translation>Rien à coller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The clipboard holds no text.</source>
        <translation>Le presse-papiers ne contient pas de texte.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Already in the library: {0}</source>
        <translation>Déjà dans la bibliothèque&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing {0}…</source>
        <translation>Importation de {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_factchecks.py" line="+23"/>
        <source>Import &amp;Fact-Checks…</source>
        <translation>Importer des vérifica&amp;tions…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import other newsrooms&apos; fact-checks: ClaimReview JSON-LD, web pages, Fact Check Tools API JSON or CSV</source>
        <translation>Importer les vérifications d’autres rédactions&#xa0;: ClaimReview JSON-LD, pages web, JSON de l’API Fact Check Tools ou CSV</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import fact-checks</source>
        <translation>Importer des vérifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fact-checks (*.json *.jsonld *.html *.htm *.csv);;All files (*)</source>
        <translation>Vérifications (*.json *.jsonld *.html *.htm *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Fact-checks: {0} added, {1} already in the library</source>
        <translation>Vérifications&#xa0;: {0} ajoutées, {1} déjà dans la bibliothèque</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing fact-checks…</source>
        <translation>Import des vérifications…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../desktop/ui/window_transfer.py" line="+3"/>
        <source>Import failed</source>
        <translation>Échec de l’importation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_transfer.py" line="+2"/>
        <source>Importing {0}: page {1} of {2}</source>
        <translation>Import de {0}&#xa0;: page {1} sur {2}</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Exported {0} claim(s) to {1}</source>
        <translation>{0} affirmation(s) exportée(s) dans {1}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_insights.py" line="+21"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claims by verdict, month, claimant, outlet, tag, checker and status</source>
        <translation>Affirmations par verdict, mois, auteur, média, étiquette, vérificateur et statut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expor&amp;t Period Report…</source>
        <translation>Exporter le bilan d’une &amp;période…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The desk&apos;s summary with charts, then each article checked in a period</source>
        <translation>Le bilan de la rédaction avec ses graphiques, puis chaque article vérifié sur une période</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_captures.py" line="+30"/>
        <source>Export Captured Sources as &amp;WARC…</source>
        <translation>Exporter les sources capturées en &amp;WARC…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save every captured source as a WARC file, for replay tools and archives</source>
        <translation>Enregistrer toutes les sources capturées dans un fichier WARC, pour les outils de rejeu et les archives</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+25"/>
        <source>Capture failed</source>
        <translation>Échec de la capture</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Capturing {0}…</source>
        <translation>Capture de {0}…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Captured {0} ({1})</source>
        <translation>Page capturée&#xa0;: {0} ({1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the page is gone</source>
        <translation>la page a disparu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unchanged since {0}</source>
        <translation>inchangée depuis le {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the text changed since {0}</source>
        <translation>le texte a changé depuis le {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the excerpt is in it</source>
        <translation>l’extrait s’y trouve</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the excerpt is NOT in it</source>
        <translation>l’extrait ne s’y trouve PAS</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Captures</source>
        <translation>Captures</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The page is gone: it answered {0} on {1}</source>
        <translation>La page a disparu&#xa0;: elle a répondu {0} le {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Captured {0}</source>
        <translation>Capture du {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Captured {0}; the excerpt is in it</source>
        <translation>Capture du {0}&#xa0;; l’extrait s’y trouve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The excerpt is not in the capture of {0}</source>
        <translation>L’extrait ne se trouve pas dans la capture du {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export captured sources as WARC</source>
        <translation>Exporter les sources capturées en WARC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WARC files (*.warc.gz *.warc)</source>
        <translation>Fichiers WARC (*.warc.gz *.warc)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting captured sources…</source>
        <translation>Exportation des sources capturées…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported {0} capture(s) to {1}</source>
        <translation>{0} capture(s) exportée(s) dans {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../desktop/ui/window_insights.py" line="+32"/>
        <location filename="../../desktop/ui/window_transfer.py" line="+3"/>
        <source>Export failed</source>
        <translation>Échec de l’exportation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_transfer.py" line="+8"/>
        <source>The ClaimReview markup of this export has no publisher: search engines need your organization&apos;s name and website. Add them in Settings, then export again.</source>
        <translation>Le balisage ClaimReview de cet export n’a pas d’éditeur&#xa0;: les moteurs de recherche ont besoin du nom et du site web de votre organisation. Ajoutez-les dans les Paramètres, puis exportez à nouveau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open &amp;Settings…</source>
        <translation>Ouvrir les &amp;paramètres…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported, with notes: {0}</source>
        <translation>Exporté, avec des remarques&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete article</source>
        <translation>Supprimer l’article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete “{0}” with all its claims? This cannot be undone.</source>
        <translation>Supprimer «&#xa0;{0}&#xa0;» et toutes ses affirmations&#xa0;? Cette action est irréversible.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_suggestions.py" line="+31"/>
        <source>figure</source>
        <translation>chiffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quantity</source>
        <translation>quantité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>percentage</source>
        <translation>pourcentage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>money</source>
        <translation>argent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comparison</source>
        <translation>comparaison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attribution</source>
        <translation>attribution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quotation</source>
        <translation>citation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>example</source>
        <translation>exemple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>denial</source>
        <translation>démenti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opinion</source>
        <translation>opinion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>institution</source>
        <translation>institution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>names</source>
        <translation>noms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>acronym</source>
        <translation>sigle</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>S&amp;uggestions</source>
        <translation>S&amp;uggestions</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not a Cla&amp;im</source>
        <translation>Pas une affirmat&amp;ion</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Underline with dots the sentences most worth checking</source>
        <translation>Souligner en pointillé les phrases qui méritent le plus une vérification</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next Su&amp;ggestion</source>
        <translation>Su&amp;ggestion suivante</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous Sugg&amp;estion</source>
        <translation>Sugg&amp;estion précédente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag Suggestion as &amp;Claim</source>
        <translation>Marquer la suggestion comme affirmatio&amp;n</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the current suggestion a claim, its claimant filled in where known</source>
        <translation>Faire de la suggestion une affirmation, son auteur rempli s’il est connu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop suggesting the current sentence in this article</source>
        <translation>Ne plus suggérer cette phrase dans cet article</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Top {0}%</source>
        <translation>Les {0}&#xa0;% premières</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Suggestion &amp;Threshold</source>
        <translation>Seui&amp;l des suggestions</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No suggestions: {0}</source>
        <translation>Pas de suggestions&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Suggestion {0} of {1} — {2} (score {3:.2f}). Ctrl+F9 tags it.</source>
        <translation>Suggestion {0} sur {1} — {2} (score {3:.2f}). Ctrl+F9 la marque.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not suggested again in this article — Undo brings it back.</source>
        <translation>Plus suggérée dans cet article — Annuler la fait revenir.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_search.py" line="+39"/>
        <source>Search &amp;Library…</source>
        <translation>Chercher dans la &amp;bibliothèque…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find words in every article, claim and source of the library</source>
        <translation>Trouver des mots dans tous les articles, affirmations et sources de la bibliothèque</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>That fact-check is no longer in the library.</source>
        <translation>Cette vérification n’est plus dans la bibliothèque.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No claim cites this source.</source>
        <translation>Aucune affirmation ne cite cette source.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_matches.py" line="-48"/>
        <source>another newsroom</source>
        <translation>une autre rédaction</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Earlier check: {0}</source>
        <translation>Vérification antérieure&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checked by {0}: {1}</source>
        <translation>Vérifié par {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no verdict</source>
        <translation>sans verdict</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>That claim is no longer in the library.</source>
        <translation>Cette affirmation n’est plus dans la bibliothèque.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No verdict of your scale is called “{0}”: choose one under Verdict.</source>
        <translation>Aucun verdict de votre échelle ne s’appelle «&#xa0;{0}&#xa0;»&#xa0;: choisissez-en un dans le champ «&#xa0;Verdict&#xa0;».</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Use earlier verdict</source>
        <translation>la reprise du verdict antérieur</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_versions.py" line="+28"/>
        <source>Chec&amp;k for Updates</source>
        <translation>Rechercher des mises à &amp;jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch the article&apos;s address again and keep the text as a new version</source>
        <translation>Interroger de nouveau l’adresse de l’article et conserver le texte comme nouvelle version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import New &amp;Version…</source>
        <translation>I&amp;mporter une nouvelle version…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store a file or pasted text as a new version of the open article</source>
        <translation>Enregistrer un fichier ou un texte collé comme nouvelle version de l’article ouvert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Co&amp;mpare Versions…</source>
        <translation>Comp&amp;arer les versions…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show what changed between two versions of the article, word by word</source>
        <translation>Afficher ce qui a changé entre deux versions de l’article, mot à mot</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Review Carried-Over &amp;Highlights…</source>
        <translation>Re&amp;lire les surlignages reportés…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See which claims moved, changed wording or were lost in the newest version</source>
        <translation>Voir quelles affirmations ont été déplacées, reformulées ou perdues dans la version la plus récente</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No article open</source>
        <translation>Aucun article ouvert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open an article first.</source>
        <translation>Ouvrez d’abord un article.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No address to check</source>
        <translation>Aucune adresse à consulter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This article has no web address. Add one in Article Details, or use Import New Version with a file or pasted text.</source>
        <translation>Cet article n’a pas d’adresse web. Ajoutez-en une dans «&#xa0;Détails de l’article&#xa0;», ou utilisez «&#xa0;Importer une nouvelle version&#xa0;» avec un fichier ou un texte collé.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>pasted text</source>
        <translation>texte collé</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No change: the text is the same as version {0}</source>
        <translation>Aucun changement&#xa0;: le texte est identique à celui de la version {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Version {0} stored from {1}</source>
        <translation>Version {0} enregistrée à partir de {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the new version from {0}…</source>
        <translation>Lecture de la nouvelle version depuis {0}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New version not stored</source>
        <translation>Nouvelle version non enregistrée</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Compare Versions</source>
        <translation>Comparer les versions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This article has a single version. Check for Updates or Import New Version to add one.</source>
        <translation>Cet article n’a qu’une version. Utilisez «&#xa0;Rechercher des mises à jour&#xa0;» ou «&#xa0;Importer une nouvelle version&#xa0;» pour en ajouter une.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Review Carried-Over Highlights</source>
        <translation>Relire les surlignages reportés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No highlight was carried over to a newer version of this article.</source>
        <translation>Aucun surlignage n’a été reporté sur une version plus récente de cet article.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checked against version {0}: “{1}” reads “{2}” in version {3}.</source>
        <translation>Vérifiée sur la version {0}&#xa0;: «&#xa0;{1}&#xa0;» devient «&#xa0;{2}&#xa0;» dans la version {3}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checked against version {0}: “{1}” is not in version {2}.</source>
        <translation>Vérifiée sur la version {0}&#xa0;: «&#xa0;{1}&#xa0;» ne figure plus dans la version {2}.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop/ui/status.py" line="+89"/>
        <source>Notice</source>
        <translation>Avis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss the notice</source>
        <translation>Fermer l’avis</translation>
    </message>
</context>
<context>
    <name>NewVersionDialog</name>
    <message>
        <location filename="../../desktop/ui/version_review.py" line="+40"/>
        <source>Import New Version</source>
        <translation>Importer une nouvelle version</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste the article&apos;s new text below, or choose a file. The current text stays as an earlier version; highlights are carried over for you to review.</source>
        <translation>Collez ci-dessous le nouveau texte de l’article, ou choisissez un fichier. Le texte actuel est conservé comme version antérieure&#xa0;; les surlignages sont reportés et vous sont soumis pour relecture.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New text</source>
        <translation>Nouveau texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the new version of the article here</source>
        <translation>Collez ici la nouvelle version de l’article</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store as New Version</source>
        <translation>Enregistrer comme nouvelle version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From &amp;File…</source>
        <translation>Depuis un &amp;fichier…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New version of the article</source>
        <translation>Nouvelle version de l’article</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles</source>
        <translation>Articles</translation>
    </message>
</context>
<context>
    <name>NumbersTable</name>
    <message>
        <location filename="../../desktop/ui/dashboard_chart.py" line="+127"/>
        <source>Numbers of the chart</source>
        <translation>Chiffres du graphique</translation>
    </message>
</context>
<context>
    <name>PeriodReportDialog</name>
    <message>
        <location filename="../../desktop/ui/period_dialog.py" line="+43"/>
        <location line="+87"/>
        <source>Export Period Report</source>
        <translation>Exporter le rapport de la période</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Web page (HTML)</source>
        <translation>Page web (HTML)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (A4)</source>
        <translation>PDF (A4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word (DOCX)</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Destination file</source>
        <translation>Fichier de destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as:</source>
        <translation>&amp;Enregistrer sous&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A claim counts on the day its check was published, or on the day it was tagged when not yet published.</source>
        <translation>Une affirmation compte le jour où sa vérification a été publiée, ou le jour où elle a été relevée si elle ne l’est pas encore.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only the claims the dashboard&apos;s filters keep.</source>
        <translation>Seulement les affirmations que gardent les filtres du tableau de bord.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The period ends before it starts.</source>
        <translation>La période finit avant de commencer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where to save the report.</source>
        <translation>Choisissez où enregistrer le rapport.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Period report: {0} claim(s) of {1} article(s) written to {2}</source>
        <translation>Rapport de la période&#xa0;: {0} affirmation(s) de {1} article(s) écrites dans {2}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
</context>
<context>
    <name>RatingScaleEditor</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="+58"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+110"/>
        <location line="+5"/>
        <source>ClaimReview value</source>
        <translation>Valeur ClaimReview</translation>
    </message>
    <message>
        <location line="-113"/>
        <location line="+73"/>
        <source>Rating scale</source>
        <translation>Échelle de verdicts</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;name…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Colour…</source>
        <translation>&amp;Couleur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Value…</source>
        <translation>&amp;Valeur…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Order the verdicts from best to worst. The ClaimReview value is the schema.org ratingValue; leave it empty for verdicts off the true–false line.</source>
        <translation>Classez les verdicts du meilleur au pire. La valeur ClaimReview est le ratingValue de schema.org&#xa0;; laissez-la vide pour les verdicts hors de l’axe vrai–faux.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>New verdict</source>
        <translation>Nouveau verdict</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Label:</source>
        <translation>Libellé&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename verdict</source>
        <translation>Renommer le verdict</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Verdict colour</source>
        <translation>Couleur du verdict</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+12"/>
        <source>Delete verdict</source>
        <translation>Supprimer le verdict</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>{0} claim(s) have this verdict. Give them instead:</source>
        <translation>{0} affirmation(s) ont ce verdict. Leur attribuer à la place&#xa0;:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete the verdict “{0}”?</source>
        <translation>Supprimer le verdict «&#xa0;{0}&#xa0;»&#xa0;?</translation>
    </message>
</context>
<context>
    <name>Ratings</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="+61"/>
        <source>True</source>
        <translation>Vrai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mostly true</source>
        <translation>Plutôt vrai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mixed</source>
        <translation>Mitigé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Misleading</source>
        <translation>Trompeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mostly false</source>
        <translation>Plutôt faux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False</source>
        <translation>Faux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unverifiable</source>
        <translation>Invérifiable</translation>
    </message>
</context>
<context>
    <name>ReferenceCheckDialog</name>
    <message>
        <location filename="../../desktop/ui/reference_check_dialog.py" line="+15"/>
        <source>Fact-check by {0}</source>
        <translation>Vérification publiée par {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Claim</source>
        <translation>Affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claimant</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim date</source>
        <translation>Date de l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>Vérifié par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Date de publication</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Review</source>
        <translation>Lien vers la vérification</translation>
    </message>
</context>
<context>
    <name>ReuseSourceDialog</name>
    <message>
        <location filename="../../desktop/ui/source_dialog.py" line="+125"/>
        <source>Cite a source from the library</source>
        <translation>Citer une source de la bibliothèque</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Search sources</source>
        <translation>Rechercher des sources</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources in the library</source>
        <translation>Sources de la bibliothèque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the source says about this claim</source>
        <translation>Ce que dit la source sur cette affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excerpt</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Stance:</source>
        <translation>&amp;Position&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Excerpt:</source>
        <translation>E&amp;xtrait&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="+124"/>
        <source>Words, &quot;a phrase&quot;, -word, claimant:, tag:, verdict:, before:2024-12-31…</source>
        <translation>Mots, «&#xa0;une expression&#xa0;», -mot, claimant:, tag:, verdict:, before:2024-12-31…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the library</source>
        <translation>Chercher dans la bibliothèque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accents and case do not matter; words match as prefixes. Filters: claimant:, verdict:, tag:, outlet:, checker:, status:, before:, after: (dates as YYYY-MM-DD); a leading - excludes.</source>
        <translation>Accents et majuscules ne comptent pas&#xa0;; les mots valent comme débuts de mots. Filtres&#xa0;: claimant:, verdict:, tag:, outlet:, checker:, status:, before:, after: (dates AAAA-MM-JJ)&#xa0;; un - en tête exclut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search results count</source>
        <translation>Nombre de résultats</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot search: {0}</source>
        <translation>Recherche impossible&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Untitled article</source>
        <translation>Article sans titre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fact-checks by other newsrooms</source>
        <translation>Vérifications d’autres rédactions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation>Affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fact-check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No match for “{0}”.</source>
        <translation>Aucun résultat pour «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 hit</source>
        <translation>1 résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} hits</source>
        <translation>{0} résultats</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 article</source>
        <translation>1 article</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} articles</source>
        <translation>{0} articles</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 source</source>
        <translation>1 source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} sources</source>
        <translation>{0} sources</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} fact-checks</source>
        <translation>{0} vérifications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 fact-check</source>
        <translation>1 vérification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} in {1}</source>
        <translation>{0} dans {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} in {1} and {2}</source>
        <translation>{0} dans {1} et {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} in {1}, {2} and {3}</source>
        <translation>{0} dans {1}, {2} et {3}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the best {0}: add words to narrow the search)</source>
        <translation>(les {0} meilleurs&#xa0;: ajoutez des mots pour affiner)</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../desktop/ui/server_dialog.py" line="+110"/>
        <source>Team server</source>
        <translation>Serveur d’équipe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for {0} on {1}:</source>
        <translation>Mot de passe de {0} sur {1}&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open a team library on a server</source>
        <translation>Ouvrir une bibliothèque d’équipe sur un serveur</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remember the password in the system keyring</source>
        <translation>Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No system keyring here: Factdesk will ask for the password each time.</source>
        <translation>Aucun trousseau système ici&#xa0;: Factdesk demandera le mot de passe à chaque fois.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="+12"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your name, as it appears on claims</source>
        <translation>Votre nom, tel qu’il figure sur les affirmations</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signs every ClaimReview you publish</source>
        <translation>Signe chaque ClaimReview que vous publiez</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checker name</source>
        <translation>Nom du vérificateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Organization name</source>
        <translation>Nom de l’organisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization &amp;website:</source>
        <translation>Site &amp;web de l’organisation&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization website</source>
        <translation>Site web de l’organisation</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+64"/>
        <source>Organization logo</source>
        <translation>Logo de l’organisation</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include the annotated article text</source>
        <translation>Inclure le texte annoté de l’article</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include each claim&apos;s sources</source>
        <translation>Inclure les sources de chaque affirmation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report language</source>
        <translation>Langue des rapports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each article&apos;s own (French or English)</source>
        <translation>Celle de chaque article (français ou anglais)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report &amp;language:</source>
        <translation>&amp;Langue des rapports&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Headings and labels of HTML, PDF, Markdown and Word reports. An article in French gets a French report, any other an English one.</source>
        <translation>Titres et libellés des rapports HTML, PDF, Markdown et Word. Un article en français donne un rapport en français, tout autre un rapport en anglais.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interface language</source>
        <translation>Langue de l’interface</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same as the system</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface &amp;language:</source>
        <translation>&amp;Langue de l’interface&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies to windows opened from now on.</source>
        <translation>Une nouvelle langue s’applique aux fenêtres ouvertes à partir de maintenant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rating scale</source>
        <translation>Échelle de verdicts</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Images (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../desktop/ui/source_dialog.py" line="-110"/>
        <source>Supports the claim</source>
        <translation>Confirme l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refutes the claim</source>
        <translation>Réfute l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gives context</source>
        <translation>Apporte du contexte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Edit source</source>
        <translation>Modifier la source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>What the source says about the claim</source>
        <translation>Ce que dit la source sur l’affirmation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Publisher:</source>
        <translation>É&amp;diteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;uthor:</source>
        <translation>&amp;Auteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publis&amp;hed:</source>
        <translation>Publié &amp;le&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Published</source>
        <translation>Date de publication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ccessed:</source>
        <translation>&amp;Consulté le&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accessed</source>
        <translation>Date de consultation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;rchive URL:</source>
        <translation>URL d’arc&amp;hive&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Archive URL</source>
        <translation>URL d’archive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stance:</source>
        <translation>&amp;Position&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Excerpt:</source>
        <translation>E&amp;xtrait&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excerpt</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The publication date “{0}” is not a date: type it as {1}, or leave it empty.</source>
        <translation>La date de publication «&#xa0;{0}&#xa0;» n’est pas une date&#xa0;: tapez-la sous la forme {1}, ou laissez le champ vide.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The access date “{0}” is not a date: type it as {1}, or leave it empty.</source>
        <translation>La date de consultation «&#xa0;{0}&#xa0;» n’est pas une date&#xa0;: tapez-la sous la forme {1}, ou laissez le champ vide.</translation>
    </message>
</context>
<context>
    <name>SourcesTable</name>
    <message>
        <location filename="../../desktop/ui/sources_table.py" line="+71"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reuse…</source>
        <translation>&amp;Réutiliser…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>R&amp;etirer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open link</source>
        <translation>Voir le &amp;lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;pture</source>
        <translation>&amp;Capturer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capt&amp;ures…</source>
        <translation>V&amp;oir les captures…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cite a new source for this claim</source>
        <translation>Citer une nouvelle source pour cette affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cite a source already in the library</source>
        <translation>Citer une source déjà dans la bibliothèque</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fetch the source&apos;s page now and keep a copy of it in the library</source>
        <translation>Télécharger maintenant la page de la source et en conserver une copie dans la bibliothèque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The source&apos;s captured copies: text, excerpt, changes, WARC export</source>
        <translation>Les copies capturées de la source&#xa0;: texte, extrait, modifications, export WARC</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Supports the claim</source>
        <translation>Confirme l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refutes the claim</source>
        <translation>Réfute l’affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gives context</source>
        <translation>Apporte du contexte</translation>
    </message>
</context>
<context>
    <name>StackAction</name>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="-240"/>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Annuler&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Rétablir&#xa0;: {0}</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../desktop/ui/status.py" line="-45"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>TurnMargin</name>
    <message>
        <location filename="../../desktop/ui/turn_margin.py" line="+28"/>
        <source>Speakers and times</source>
        <translation>Intervenants et minutage</translation>
    </message>
</context>
<context>
    <name>VersionDiffDialog</name>
    <message>
        <location filename="../../desktop/ui/version_diff.py" line="+82"/>
        <source>Compare Versions</source>
        <translation>Comparer les versions</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Older version</source>
        <translation>Version antérieure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newer version</source>
        <translation>Version plus récente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Whole text</source>
        <translation>&amp;Texte entier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every paragraph, not only the changes</source>
        <translation>Afficher tous les paragraphes, pas seulement les modifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From:</source>
        <translation>&amp;De&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>&amp;Vers&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>pasted text</source>
        <translation>texte collé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {0} — {1} ({2})</source>
        <translation>Version {0} — {1} ({2})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Comparing…</source>
        <translation>Comparaison…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The same version is picked twice.</source>
        <translation>La même version est choisie deux fois.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two versions have the same paragraphs.</source>
        <translation>Les deux versions ont les mêmes paragraphes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} words inserted, {1} deleted · paragraphs: {2} changed, {3} moved, {4} inserted, {5} deleted</source>
        <translation>Mots&#xa0;: {0} ajouté(s), {1} supprimé(s) · paragraphes&#xa0;: {2} modifié(s), {3} déplacé(s), {4} ajouté(s), {5} supprimé(s)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>moved from paragraph {n}</source>
        <translation>déplacé depuis le paragraphe {n}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>quote not found in the newer version</source>
        <translation>citation introuvable dans la version plus récente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>quote changed</source>
        <translation>citation modifiée</translation>
    </message>
</context>
<context>
    <name>VersionReviewDialog</name>
    <message>
        <location filename="../../desktop/ui/version_review.py" line="+21"/>
        <source>Review Carried-Over Highlights</source>
        <translation>Relire les surlignages reportés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Claim</source>
        <translation>Affirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked version</source>
        <translation>Version vérifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest version</source>
        <translation>Version la plus récente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Confirmed claims are re-&amp;checked against the newest version</source>
        <translation>Les affirmations confirmées sont &amp;revérifiées sur la version la plus récente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave unticked to keep each verdict tied to the version it was reached on</source>
        <translation>Laisser décoché pour que chaque verdict reste lié à la version sur laquelle il a été rendu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm &amp;Selected</source>
        <translation>Confirmer la &amp;sélection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm &amp;All</source>
        <translation>&amp;Tout confirmer</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved</source>
        <translation>Déplacé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wording changed</source>
        <translation>Formulation modifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} unchanged, {1} moved, {2} with changed wording, {3} not found. {4} wait for your confirmation.</source>
        <translation>Inchangés&#xa0;: {0}&#xa0;; déplacés&#xa0;: {1}&#xa0;; formulation modifiée&#xa0;: {2}&#xa0;; introuvables&#xa0;: {3}. En attente de votre confirmation&#xa0;: {4}.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(not found)</source>
        <translation>(introuvable)</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../desktop/ui/welcome.py" line="+17"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welcome to Factdesk</source>
        <translation>Bienvenue dans Factdesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bring in an article, select the sentences that make a claim, cite your sources, give a verdict — then export a report or ClaimReview.</source>
        <translation>Importez un article, sélectionnez les phrases qui font une affirmation, citez vos sources, rendez un verdict — puis exportez un rapport ou un ClaimReview.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Import an article…</source>
        <translation>&amp;Importer un article…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A text, Markdown, web page, Word or PDF file</source>
        <translation>Un fichier texte, Markdown, page web, Word ou PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste text</source>
        <translation>&amp;Coller du texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make an article of the text on the clipboard</source>
        <translation>Faire un article du texte du presse-papiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;demo article</source>
        <translation>Ouvrir l’article de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A short sample article to try Factdesk on</source>
        <translation>Un court article d’exemple pour essayer Factdesk</translation>
    </message>
</context>
</TS>
