# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-relu-gauss-32.gp` in this folder (reads weights-relu-gauss-32.dat).
reset
set terminal pngcairo size 960,1320 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-relu-gauss-32.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 4,3 title 'ReLU He Gaussian, 32 layers: the weights of 12 of its 33 layers'."\n".'where training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.009502126574516297
set xrange [-0.2678464695811272:0.25477049201726915]
set xtics 0.1
plot 'weights-relu-gauss-32.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.015157299041748047
set xrange [-0.4365052103996277:0.3971462368965149]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.016989005804061888
set xrange [-0.45602435171604155:0.47837096750736235]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 10'
set boxwidth 0.014891474843025207
set xrange [-0.38772533684968946:0.4313057795166969]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 9 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 9 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 13'
set boxwidth 0.014889280200004578
set xrange [-0.43101785629987716:0.3878925547003746]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 12 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 12 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 16'
set boxwidth 0.015005773305892945
set xrange [-0.40825100243091583:0.4170665293931961]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 15 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 15 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 18'
set boxwidth 0.01541906177997589
set xrange [-0.41860606223344804:0.429442335665226]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 17 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 17 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 21'
set boxwidth 0.01528826892375946
set xrange [-0.4175212666392326:0.42333352416753767]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 20 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 20 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 24'
set boxwidth 0.01591251850128174
set xrange [-0.4393379330635071:0.43585058450698855]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 23 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 23 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 27'
set boxwidth 0.014567570090293884
set xrange [-0.39161236137151717:0.40960399359464644]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 26 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 26 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 30'
set boxwidth 0.01526236891746521
set xrange [-0.4361551195383072:0.4032751709222794]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 29 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 29 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 33'
set boxwidth 0.012037562131881714
set xrange [-0.3089128404855728:0.35315307676792146]
set xtics 0.2
plot 'weights-relu-gauss-32.dat' index 32 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 32 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
