# Weight histograms of one strategy, written by compare-inits.
# Re-render with `gnuplot weights-relu-gauss-8.gp` in this folder (reads weights-relu-gauss-8.dat).
reset
set terminal pngcairo size 960,1020 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'weights-relu-gauss-8.png'
set style fill solid 0.5 noborder
set grid
set xlabel 'Weight value'
set ylabel 'Weights per bin'
set multiplot layout 3,3 title 'ReLU He Gaussian, 8 layers: each layer'."'".'s weights where'."\n".'training started (filled) and where it ended (line), seed 1'
set title 'layer 1'
set boxwidth 0.009324906766414643
set xrange [-0.2403995655477047:0.27247030660510063]
set xtics 0.1
plot 'weights-relu-gauss-8.dat' index 0 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 0 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 2'
set boxwidth 0.014760237336158753
set xrange [-0.3901973500847816:0.4216157034039497]
set xtics 0.2
plot 'weights-relu-gauss-8.dat' index 1 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 1 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 3'
set boxwidth 0.015192376375198364
set xrange [-0.4165688127279282:0.4190118879079819]
set xtics 0.2
plot 'weights-relu-gauss-8.dat' index 2 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 2 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 4'
set boxwidth 0.0157917982339859
set xrange [-0.4074558332562447:0.4610930696129799]
set xtics 0.2
plot 'weights-relu-gauss-8.dat' index 3 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 3 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 5'
set boxwidth 0.01641348361968994
set xrange [-0.47303169369697573:0.4297099053859711]
set xtics 0.2
plot 'weights-relu-gauss-8.dat' index 4 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 4 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 6'
set boxwidth 0.015613328218460083
set xrange [-0.43839171230793:0.4203413397073746]
set xtics 0.2
plot 'weights-relu-gauss-8.dat' index 5 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 5 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 7'
set boxwidth 0.015060919523239135
set xrange [-0.4114115983247757:0.41693897545337677]
set xtics 0.2
plot 'weights-relu-gauss-8.dat' index 6 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 6 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 8'
set boxwidth 0.015552604794502259
set xrange [-0.3822182133793831:0.47317505031824114]
set xtics 0.2
plot 'weights-relu-gauss-8.dat' index 7 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 7 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
set title 'layer 9'
set boxwidth 0.013801202774047852
set xrange [-0.3571122229099274:0.4019539296627045]
set xtics 0.2
plot 'weights-relu-gauss-8.dat' index 8 using 1:2 with boxes linecolor rgb '#56B4E9' notitle, \
     '' index 8 using 1:3 with histeps linecolor rgb '#000000' dashtype 1 linewidth 1.5 notitle
unset multiplot
